// Compiles the IATI 2.03 activity XSD (reference/iati/schema) into element declarations the
// validator walks. The schema uses a small subset of XSD — flat sequences, element refs, named
// complex types, simple-content extensions, ##other wildcards — so a full XSD engine is not needed,
// and the rules come from the official file rather than being retyped here.
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { REFERENCE_DIR } from '../paths.ts';
import type { XmlElement } from './xml.ts';

export interface AttributeDecl {
  type: string;
  required: boolean;
}

export type Particle =
  | { kind: 'element'; name: string; min: number; max: number; decl: () => ElementDecl }
  | { kind: 'any'; min: number; max: number };

export interface ElementDecl {
  name: string;
  attributes: Map<string, AttributeDecl>;
  anyAttribute: boolean;
  /** XSD type of the text content, or null when the element may hold no text. */
  textType: string | null;
  particles: Particle[];
}

const SCHEMA_DIR = path.join(REFERENCE_DIR, 'iati', 'schema');

function parseXsd(file: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name.replace(/^xsd:/, ''),
      attrs: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      line: parser.line,
    };
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => stack.pop());
  parser.write(fs.readFileSync(file, 'utf8')).close();
  return root!;
}

const occurs = (v: string | undefined, dflt: number) =>
  v === undefined ? dflt : v === 'unbounded' ? Infinity : Number(v);

class SchemaCompiler {
  private readonly globalElements = new Map<string, XmlElement>();
  private readonly namedTypes = new Map<string, XmlElement>();
  private readonly globalAttributes = new Map<string, XmlElement>();
  private readonly compiled = new Map<XmlElement, ElementDecl>();

  constructor(roots: XmlElement[]) {
    for (const root of roots) {
      for (const node of root.children) {
        if (node.name === 'element' && node.attrs.name) this.globalElements.set(node.attrs.name, node);
        if (node.name === 'complexType' && node.attrs.name) this.namedTypes.set(node.attrs.name, node);
        if (node.name === 'attribute' && node.attrs.name) this.globalAttributes.set(node.attrs.name, node);
      }
    }
  }

  global(name: string): ElementDecl {
    const node = this.globalElements.get(name);
    if (!node) throw new Error(`IATI schema has no global element ${name}`);
    return this.element(node);
  }

  private element(node: XmlElement): ElementDecl {
    const cached = this.compiled.get(node);
    if (cached) return cached;
    const decl: ElementDecl = {
      name: node.attrs.name!,
      attributes: new Map(),
      anyAttribute: false,
      textType: null,
      particles: [],
    };
    this.compiled.set(node, decl);
    const inline = node.children.find((c) => c.name === 'complexType');
    const type = node.attrs.type;
    if (inline) this.complexType(inline, decl);
    else if (type?.startsWith('xsd:')) decl.textType = type;
    else if (type) this.complexType(this.namedType(type), decl);
    return decl;
  }

  private namedType(name: string): XmlElement {
    const node = this.namedTypes.get(name);
    if (!node) throw new Error(`IATI schema has no complex type ${name}`);
    return node;
  }

  private complexType(node: XmlElement, decl: ElementDecl): void {
    if (node.attrs.mixed === 'true') decl.textType = 'xsd:string';
    for (const child of node.children) {
      if (child.name === 'sequence') this.sequence(child, decl);
      else if (child.name === 'attribute') this.attribute(child, decl);
      else if (child.name === 'anyAttribute') decl.anyAttribute = true;
      else if (child.name === 'simpleContent' || child.name === 'complexContent') {
        const ext = child.children.find((c) => c.name === 'extension');
        if (!ext) continue;
        const base = ext.attrs.base!;
        if (base.startsWith('xsd:')) decl.textType = base;
        else this.complexType(this.namedType(base), decl);
        this.complexType(ext, decl);
      }
    }
  }

  private sequence(node: XmlElement, decl: ElementDecl): void {
    for (const p of node.children) {
      const min = occurs(p.attrs.minOccurs, 1);
      const max = occurs(p.attrs.maxOccurs, 1);
      if (p.name === 'any') decl.particles.push({ kind: 'any', min, max });
      if (p.name !== 'element') continue;
      const target = p.attrs.ref ? this.globalElements.get(p.attrs.ref) : p;
      if (!target) throw new Error(`IATI schema refers to unknown element ${p.attrs.ref}`);
      const name = p.attrs.ref ?? p.attrs.name!;
      let cache: ElementDecl | undefined;
      decl.particles.push({ kind: 'element', name, min, max, decl: () => (cache ??= this.element(target)) });
    }
  }

  private attribute(node: XmlElement, decl: ElementDecl): void {
    const name = node.attrs.name ?? node.attrs.ref;
    if (!name) return;
    const type = node.attrs.type ?? (node.attrs.ref && this.globalAttributes.get(node.attrs.ref)?.attrs.type);
    decl.attributes.set(name, { type: type ?? 'xsd:string', required: node.attrs.use === 'required' });
  }
}

let cache: { activities: ElementDecl; activity: ElementDecl } | undefined;

/** Declarations of <iati-activities> (for its attributes) and <iati-activity>. */
export function activitySchema(): { activities: ElementDecl; activity: ElementDecl } {
  if (!cache) {
    const compiler = new SchemaCompiler([
      parseXsd(path.join(SCHEMA_DIR, 'iati-activities-schema.xsd')),
      parseXsd(path.join(SCHEMA_DIR, 'iati-common.xsd')),
    ]);
    cache = { activities: compiler.global('iati-activities'), activity: compiler.global('iati-activity') };
  }
  return cache;
}
