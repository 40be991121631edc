// Checks an activity against the IATI 2.03 schema rules and says, for each problem, which element
// broke which rule. Errors reject the activity; warnings (element order, empty identifier) are
// reported with it but do not stop the import, because many real publishers get them wrong.
import { activitySchema, type ElementDecl, type Particle } from './schema.ts';
import type { XmlElement } from './xml.ts';

export interface ValidationIssue {
  severity: 'error' | 'warning';
  /** Path of the offending element, e.g. `iati-activity/transaction[2]/value`. */
  element: string;
  /** The schema rule: minOccurs, maxOccurs, required-attribute, attribute-type, no-text, … */
  rule: string;
  line: number;
  message: string;
}

const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  'xsd:decimal': (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v),
  'xsd:int': (v) => /^[+-]?\d+$/.test(v) && Math.abs(Number(v)) <= 2147483647,
  'xsd:positiveInteger': (v) => /^\+?\d+$/.test(v) && Number(v) > 0,
  'xsd:nonNegativeInteger': (v) => /^\+?\d+$/.test(v),
  'xsd:boolean': (v) => /^(true|false|1|0)$/.test(v),
  'xsd:date': (v) => isDate(v, /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/),
  'xsd:dateTime': (v) =>
    isDate(v, /^(-?\d{4,})-(\d{2})-(\d{2})T([01]\d|2[0-4]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/),
  'xsd:NMTOKEN': (v) => /^[\p{L}\p{N}._:-]+$/u.test(v),
};

function isDate(v: string, pattern: RegExp): boolean {
  const m = pattern.exec(v);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() + (month === 2 ? 0 : 0)
  );
}

const TYPE_NAMES: Record<string, string> = {
  'xsd:decimal': 'a decimal number',
  'xsd:int': 'an integer',
  'xsd:positiveInteger': 'a positive integer',
  'xsd:nonNegativeInteger': 'a non-negative integer',
  'xsd:boolean': 'true, false, 1 or 0',
  'xsd:date': 'an ISO 8601 date (YYYY-MM-DD)',
  'xsd:dateTime': 'an ISO 8601 date and time (YYYY-MM-DDThh:mm:ss)',
  'xsd:NMTOKEN': 'a single token',
};

const isForeign = (name: string) => name.includes(':');

class Validator {
  readonly issues: ValidationIssue[] = [];

  private report(
    severity: ValidationIssue['severity'],
    path: string,
    rule: string,
    line: number,
    message: string,
  ) {
    this.issues.push({
      severity,
      element: path,
      rule,
      line,
      message: `${path} (line ${line}): ${message} [rule: ${rule}]`,
    });
  }

  attributes(el: XmlElement, decl: ElementDecl, path: string): void {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const attr = decl.attributes.get(name);
      if (!attr) {
        if (!(isForeign(name) && decl.anyAttribute) && name !== 'xml:lang') {
          this.report(
            'error',
            path,
            'undeclared-attribute',
            el.line,
            `attribute @${name} is not allowed on <${el.name}>`,
          );
        }
        continue;
      }
      const check = TYPE_CHECKS[attr.type];
      if (check && !check(value.trim())) {
        this.report(
          'error',
          path,
          `attribute-type ${attr.type}`,
          el.line,
          `@${name}="${value}" must be ${TYPE_NAMES[attr.type]}`,
        );
      }
    }
    for (const [name, attr] of decl.attributes) {
      if (attr.required && el.attrs[name] === undefined) {
        this.report(
          'error',
          path,
          'required-attribute',
          el.line,
          `<${el.name}> must have the attribute @${name}`,
        );
      }
    }
  }

  element(el: XmlElement, decl: ElementDecl, path: string): void {
    this.attributes(el, decl, path);
    const text = el.text.trim();
    if (decl.textType === null) {
      if (text)
        this.report(
          'error',
          path,
          'no-text',
          el.line,
          `<${el.name}> must not contain text (found "${clip(text)}")`,
        );
    } else {
      const check = TYPE_CHECKS[decl.textType];
      if (check && !check(text)) {
        this.report(
          'error',
          path,
          `content-type ${decl.textType}`,
          el.line,
          `the content of <${el.name}> ("${clip(text)}") must be ${TYPE_NAMES[decl.textType]}`,
        );
      }
    }
    this.sequence(el, decl, path);
  }

  /** Matches children against the flat sequence: unknown names, too few, too many, wrong order. */
  private sequence(el: XmlElement, decl: ElementDecl, path: string): void {
    const particles = decl.particles;
    const counts = new Array<number>(particles.length).fill(0);
    const allowsForeign = particles.some((p) => p.kind === 'any');
    const seen = new Map<string, number>();
    let pos = 0;
    for (const child of el.children) {
      const nth = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, nth);
      const childPath = `${path}/${child.name}[${nth}]`;
      if (isForeign(child.name)) {
        if (!allowsForeign)
          this.report(
            'error',
            childPath,
            'undeclared-element',
            child.line,
            `<${child.name}> is not allowed in <${el.name}>`,
          );
        continue;
      }
      const index = particles.findIndex((p) => p.kind === 'element' && p.name === child.name);
      const particle = particles[index] as Extract<Particle, { kind: 'element' }> | undefined;
      if (!particle) {
        this.report(
          'error',
          childPath,
          'undeclared-element',
          child.line,
          `<${child.name}> is not allowed in <${el.name}>`,
        );
        continue;
      }
      if (index < pos) {
        const expectedAfter = particles[pos];
        const after =
          expectedAfter?.kind === 'element' ? `<${expectedAfter.name}>` : 'the elements before it';
        this.report(
          'warning',
          childPath,
          'sequence-order',
          child.line,
          `<${child.name}> must come before ${after}`,
        );
      } else pos = index;
      counts[index]! += 1;
      if (counts[index] === particle.max + 1) {
        this.report(
          'error',
          childPath,
          `maxOccurs=${particle.max}`,
          child.line,
          `<${el.name}> may contain at most ${particle.max} <${child.name}>`,
        );
      }
      this.element(child, particle.decl(), childPath);
    }
    particles.forEach((p, i) => {
      if (p.kind === 'element' && counts[i]! < p.min) {
        this.report(
          'error',
          path,
          `minOccurs=${p.min}`,
          el.line,
          `<${el.name}> must contain ${p.min === 1 ? 'a' : `at least ${p.min}`} <${p.name}>`,
        );
      }
    });
  }
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Validates the attributes of <iati-activities> (its children are validated one by one). */
export function validateActivitiesRoot(root: XmlElement): ValidationIssue[] {
  const v = new Validator();
  v.attributes(root, activitySchema().activities, 'iati-activities');
  return v.issues;
}

/** Validates one <iati-activity> of a 2.0x file against the schema, plus the IATI rules Tacit relies on. */
export function validateActivity(activity: XmlElement): ValidationIssue[] {
  const v = new Validator();
  v.element(activity, activitySchema().activity, 'iati-activity');
  const id = activity.children.find((c) => c.name === 'iati-identifier');
  if (id && !id.text.trim()) {
    v.issues.push({
      severity: 'warning',
      element: 'iati-activity/iati-identifier',
      rule: 'identifier-not-empty',
      line: id.line,
      message: `iati-activity/iati-identifier (line ${id.line}): the identifier is empty; the activity is keyed by its content instead [rule: identifier-not-empty]`,
    });
  }
  return v.issues;
}

export const hasErrors = (issues: ValidationIssue[]) => issues.some((i) => i.severity === 'error');
