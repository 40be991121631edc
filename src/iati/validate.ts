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

/** Days in each month of a leap year: a date is checked without knowing its year's length. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(v: string, pattern: RegExp): boolean {
  const m = pattern.exec(v);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1]!;
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

/** What checking an element against a declaration looks up, worked out once per declaration. */
interface DeclPlan {
  /** Position in the sequence of each declared child element (the first, if named twice). */
  particleIndex: Map<string, number>;
  allowsForeign: boolean;
  /** Attributes that must be present, in declaration order. */
  required: string[];
  /** Sequence positions with a minOccurs above zero. */
  minimums: number[];
}

const plans = new WeakMap<ElementDecl, DeclPlan>();

function planOf(decl: ElementDecl): DeclPlan {
  let plan = plans.get(decl);
  if (plan) return plan;
  const particleIndex = new Map<string, number>();
  decl.particles.forEach((p, i) => {
    if (p.kind === 'element' && !particleIndex.has(p.name)) particleIndex.set(p.name, i);
  });
  plan = {
    particleIndex,
    allowsForeign: decl.particles.some((p) => p.kind === 'any'),
    required: [...decl.attributes].filter(([, a]) => a.required).map(([name]) => name),
    minimums: decl.particles.flatMap((p, i) => (p.kind === 'element' && p.min > 0 ? [i] : [])),
  };
  plans.set(decl, plan);
  return plan;
}

/**
 * Where an element is, turned into text (`iati-activity/budget[1]/value[2]`) only when a message
 * needs it: most elements are valid, and building every element's path cost more than the checks.
 */
interface Place {
  name: string;
  parent?: { place: Place; element: XmlElement; index: number };
}

function pathOf(place: Place): string {
  const up = place.parent;
  if (!up) return place.name;
  let nth = 1;
  const siblings = up.element.children;
  for (let i = 0; i < up.index; i++) if (siblings[i]!.name === place.name) nth++;
  return `${pathOf(up.place)}/${place.name}[${nth}]`;
}

class Validator {
  readonly issues: ValidationIssue[] = [];

  private report(
    severity: ValidationIssue['severity'],
    place: Place,
    rule: string,
    line: number,
    message: string,
  ) {
    const path = pathOf(place);
    this.issues.push({
      severity,
      element: path,
      rule,
      line,
      message: `${path} (line ${line}): ${message} [rule: ${rule}]`,
    });
  }

  attributes(el: XmlElement, decl: ElementDecl, place: Place): void {
    const attrs = el.attrs;
    for (const name in attrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const value = attrs[name]!;
      const attr = decl.attributes.get(name);
      if (!attr) {
        if (!(isForeign(name) && decl.anyAttribute) && name !== 'xml:lang') {
          this.report(
            'error',
            place,
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
          place,
          `attribute-type ${attr.type}`,
          el.line,
          `@${name}="${value}" must be ${TYPE_NAMES[attr.type]}`,
        );
      }
    }
    for (const name of planOf(decl).required) {
      if (attrs[name] === undefined) {
        this.report(
          'error',
          place,
          'required-attribute',
          el.line,
          `<${el.name}> must have the attribute @${name}`,
        );
      }
    }
  }

  element(el: XmlElement, decl: ElementDecl, place: Place): void {
    this.attributes(el, decl, place);
    const text = el.text.trim();
    if (decl.textType === null) {
      if (text)
        this.report(
          'error',
          place,
          'no-text',
          el.line,
          `<${el.name}> must not contain text (found "${clip(text)}")`,
        );
    } else {
      const check = TYPE_CHECKS[decl.textType];
      if (check && !check(text)) {
        this.report(
          'error',
          place,
          `content-type ${decl.textType}`,
          el.line,
          `the content of <${el.name}> ("${clip(text)}") must be ${TYPE_NAMES[decl.textType]}`,
        );
      }
    }
    this.sequence(el, decl, place);
  }

  /** Matches children against the flat sequence: unknown names, too few, too many, wrong order. */
  private sequence(el: XmlElement, decl: ElementDecl, place: Place): void {
    const particles = decl.particles;
    const plan = planOf(decl);
    const children = el.children;
    const counts = new Array<number>(particles.length).fill(0);
    let pos = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const childPlace: Place = { name: child.name, parent: { place, element: el, index: i } };
      const foreign = isForeign(child.name);
      const index = foreign ? undefined : plan.particleIndex.get(child.name);
      if (index === undefined) {
        // Another namespace's element is allowed where the schema has xsd:any ##other.
        if (!(foreign && plan.allowsForeign)) {
          const message = `<${child.name}> is not allowed in <${el.name}>`;
          this.report('error', childPlace, 'undeclared-element', child.line, message);
        }
        continue;
      }
      const particle = particles[index] as Extract<Particle, { kind: 'element' }>;
      if (index < pos) {
        const expectedAfter = particles[pos];
        const after =
          expectedAfter?.kind === 'element' ? `<${expectedAfter.name}>` : 'the elements before it';
        this.report(
          'warning',
          childPlace,
          'sequence-order',
          child.line,
          `<${child.name}> must come before ${after}`,
        );
      } else pos = index;
      counts[index]! += 1;
      if (counts[index] === particle.max + 1) {
        this.report(
          'error',
          childPlace,
          `maxOccurs=${particle.max}`,
          child.line,
          `<${el.name}> may contain at most ${particle.max} <${child.name}>`,
        );
      }
      this.element(child, particle.decl(), childPlace);
    }
    for (const i of plan.minimums) {
      const p = particles[i] as Extract<Particle, { kind: 'element' }>;
      if (counts[i]! < p.min) {
        this.report(
          'error',
          place,
          `minOccurs=${p.min}`,
          el.line,
          `<${el.name}> must contain ${p.min === 1 ? 'a' : `at least ${p.min}`} <${p.name}>`,
        );
      }
    }
  }
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Validates the attributes of <iati-activities> (its children are validated one by one). */
export function validateActivitiesRoot(root: XmlElement): ValidationIssue[] {
  const v = new Validator();
  v.attributes(root, activitySchema().activities, { name: 'iati-activities' });
  return v.issues;
}

/** Validates one <iati-activity> of a 2.0x file against the schema, plus the IATI rules Tacit relies on. */
export function validateActivity(activity: XmlElement): ValidationIssue[] {
  const v = new Validator();
  v.element(activity, activitySchema().activity, { name: 'iati-activity' });
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
