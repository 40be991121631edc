// The header block of a document: its opening lines cut into segments, each one classified. Covers
// and UN-style first pages run many fields into one line ("E/CN.7/2015/CRP.4 4 March 2015 English
// only … Commission on Narcotic Drugs Fifty-eighth session"), so a line is cut again at document
// symbols, dates, "Original:" notes, footnote stars, URLs, and where a run of capitals meets a run
// of ordinary words. What is left over after the junk (symbols, dates, addresses, site names,
// running headers, document-type lines) is where titles, venues and names are looked for.
import { findKnownOrganisation, findOrganisations } from '../recognise/organisations.ts';
import { findRanges } from '../recognise/ranges.ts';
import { allMatches } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export type SegmentKind =
  | 'text'
  | 'url'
  | 'symbol'
  | 'date'
  | 'dateline'
  | 'meta'
  | 'address'
  | 'doctype'
  | 'organisation'
  | 'agenda'
  | 'section'
  /** "Genève," or "Strasbourg, le" right before a date: a dateline or a venue, by position. */
  | 'place';

export interface Segment extends Span {
  text: string;
  kind: SegmentKind;
  /** The segment closes its line (the next segment starts a new line). */
  lineEnd: boolean;
  caps: boolean;
}

// A document symbol: a token with a slash and capitals or digits ("E/CN.7/2015/CRP.4",
// "OEA/Ser.K/XXXIV.9", "P-PG/CJ(2008)13rev1_en"), "CDPC (2014) 11", job numbers and bar codes.
const SYMBOL =
  /(?<!\S)(?:[A-Za-z0-9.()_-]*[A-Z0-9][A-Za-z0-9.()_-]*\/[A-Za-z0-9.()_/-]+(?:\s+rev\.\s*\d+)?|\*\d{5,}\*|V\.\d{2}-\d{4,}(?:\s*\([A-Z]\))?|[A-Z][A-Z-]{1,7}\s*\(\d{4}\)\s*\d+\w*|\([A-Z]\)(?:\s+\d{6})*)(?=\s|$|[,;\]])/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+/gi;
const META =
  /\b(?:Original\s*:\s*\p{L}+|Distr\.:?\s*(?:general|g[eé]n[eé]rale|limited|restricted)|English only|Espa[ñn]ol|Fran[çc]ais|Tema \d+ del programa provisional|Item \d+ of the provisional agenda|Point \d+ de l['’]ordre du jour provisoire)\b/giu;
// Where an agenda item's own title follows: it is not the document's title.
const AGENDA = /(?:provisional agenda|programa provisional|ordre du jour provisoire)\s*\*?/i;
const DOCTYPE =
  /^(?:(?:final|annual|conference|meeting|terminal|evaluation|progress|standard|project|half yearly|summary|draft)\s+)*(?:report|rapport|informe|evaluation|[ée]valuation|evaluaci[oó]n|summary|executive summary|contents|table of contents|contenido|sommaire|[ií]ndice|disclaimer|remerciements|acknowledgements|agradecimientos|d[ée]tails|description|evaluation report|conference report)(?:\s+(?:final|est[aá]ndar de progreso|de progreso|annuel))?\s*\d*$/iu;
const SECTION =
  /^(?:[IVX]+\.|\d+(?:\.\d+)*\.)\s+\p{Lu}|^(?:introduction|introducci[oó]n|contexte|contexto|context|background|pr[ée]sentation g[ée]n[ée]rale|resumen|r[ée]sum[ée])$/iu;
const ADDRESS =
  /\b(?:P\.?\s?O\.? Box|Telephone|Tel\.|Fax|Email|E-mail|©|All rights reserved)\b|^\d{4,5}\s+\p{Lu}\p{Ll}+$/iu;
// A capitalised event or document noun in running words starts a new segment ("… en Afrique
// Réunion consultative …", "… otros instrumentos Seminario sobre …").
const NEW_SEGMENT_NOUN =
  /\s(?=(?:R[ée]union|Reuni[oó]n|Meeting|Seminario|Seminar|S[ée]minaire|Atelier|Workshop|Taller|Background documentation|Documento de antecedentes|Document d['’]information|Working paper|Document de travail|Documento de trabajo|Concept note|Note conceptuelle|Nota conceptual|Report of the|Informe (?:final )?de la|Rapport (?:final )?de la|Compte rendu|Note by the|Note du|Nota de la|Discussion guide|Guide de discussion|Gu[ií]a para (?:el|los) debates?)\b)/gu;

interface Cut {
  start: number;
  end: number;
  kind: SegmentKind;
}

const HEADER_CHARS = 2500;
let memo: { text: string; segments: Segment[] } | undefined;

/** Segments of the first `limit` characters of `text` (computed once per text). */
export function headerSegments(text: string, limit = HEADER_CHARS): Segment[] {
  if (memo?.text !== text) memo = { text, segments: segmentHead(text) };
  return limit >= HEADER_CHARS ? memo.segments : memo.segments.filter((s) => s.end <= limit);
}

function segmentHead(text: string): Segment[] {
  const head = text.slice(0, HEADER_CHARS);
  const segments: Segment[] = [];
  let afterAgenda = false;
  for (const line of head.matchAll(/[^\n]+/g)) {
    const pieces = cutLine(line[0], line.index).flatMap((p) => peelOrganisations(text, p));
    pieces.forEach((piece, i) => {
      let { kind } = piece;
      const raw = text.slice(piece.start, piece.end);
      const trimmed = raw.replace(/^[\s*·•]+|[\s*]+$/g, '');
      if (!trimmed) return;
      const start = piece.start + raw.indexOf(trimmed);
      if (kind === 'text') kind = classify(trimmed, segments.length === 0);
      if (kind === 'text' && afterAgenda) {
        kind = 'agenda';
        afterAgenda = false;
      }
      if (kind === 'meta' && AGENDA.test(trimmed)) afterAgenda = true;
      segments.push({
        text: trimmed,
        kind,
        start,
        end: start + trimmed.length,
        lineEnd: i === pieces.length - 1,
        caps: isCaps(trimmed),
      });
    });
  }
  for (let k = 0; k + 1 < segments.length; k++) {
    const seg = segments[k]!;
    // "Genève,", "Strasbourg, le", or a city and its country: "Nairobi, Kenya,".
    if (
      segments[k + 1]!.kind === 'date' &&
      /^\p{Lu}[\p{L}.'’-]*(?:[ -][\p{L}.'’-]+){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3})?,\s*(?:le|el|the|den|les)?$/u.test(
        seg.text,
      )
    )
      seg.kind = 'place';
  }
  return segments;
}

export const isCaps = (s: string) => /\p{Lu}{2}/u.test(s) && s === s.toUpperCase();

// Lines a web page or archive wraps around a document: banners, navigation, counters.
const SITE_CHROME =
  /^(?:archiv|skip to|aller au contenu|ir al contenido|share|partager|compartir|download|t[ée]l[ée]charger|descargar|views?\b|menu\b|home\b|accueil\b|inicio\b)/i;

function classify(s: string, first: boolean): SegmentKind {
  if (SITE_CHROME.test(s)) return 'meta';
  if (/^\(?\d{1,3}\)?$|^page \d+$/i.test(s)) return 'meta';
  if (DOCTYPE.test(s)) return 'doctype';
  if (ADDRESS.test(s)) return 'address';
  if (SECTION.test(s) && s.length < 80) return 'section';
  const bare = s
    .replace(/\s*\([\p{Lu}-]{2,}\)$/u, '')
    .replace(/\s+(?:Vienna|New York|Geneva|Genève|Strasbourg|Nairobi|Bangkok)\b.*$/i, '');
  if (findKnownOrganisation(bare) || /^(?:United Nations|Naciones Unidas|Nations Unies)$/i.test(bare))
    return 'organisation';
  // "Strasbourg, 20 October 2008": the issuing city and date at the very top.
  if (first && /^\p{Lu}[\p{L} -]+,\s*(?:le\s+|el\s+)?\d/u.test(s)) return 'dateline';
  return 'text';
}

/** Cuts one line at symbols, URLs, notes, dates and case changes. */
function cutLine(line: string, base: number): Cut[] {
  const cuts: Cut[] = [];
  const mark = (re: RegExp, kind: SegmentKind) => {
    for (const m of allMatches(re, line)) {
      const lead = m[0].length - m[0].trimStart().length;
      cuts.push({ start: m.index + lead, end: m.index + m[0].length, kind });
    }
  };
  mark(URL, 'url');
  mark(SYMBOL, 'symbol');
  mark(META, 'meta');
  mark(/\(\s*\d{1,2}\s*\)|\*+/g, 'meta');
  // A numbered paragraph run into a flattened line starts something new ("… in 2016 1. Preparing").
  mark(/(?<=\s)\d{1,2}\.(?=\s+\p{Lu})/gu, 'meta');
  // A page number run into the text at the start of a flattened line ("1 Une voix…").
  mark(/^\d{1,3}(?=\s+\p{Lu})(?!\.)/gu, 'meta');
  for (const r of findRanges(line)) {
    // A bare year inside a line belongs to its words ("… the world drug problem in 2016").
    if (r.single && /^\d{4}$/.test(r.from) && line.trim() !== line.slice(r.span.start, r.span.end)) continue;
    cuts.push({ start: r.span.start, end: r.span.end, kind: 'date' });
  }
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Cut[] = [];
  for (const c of cuts) if (!kept.length || c.start >= kept.at(-1)!.end) kept.push(c);
  // Fill the gaps with text pieces, then cut those where capitals meet ordinary words.
  const out: Cut[] = [];
  let at = 0;
  for (const c of [...kept, { start: line.length, end: line.length, kind: 'text' as const }]) {
    if (c.start > at) for (const piece of cutText(line, at, c.start)) out.push(piece);
    if (c.end > c.start) out.push(c);
    at = Math.max(at, c.end);
  }
  return out.map((c) => ({ ...c, start: base + c.start, end: base + c.end }));
}

function cutText(line: string, start: number, end: number): Cut[] {
  const piece = line.slice(start, end);
  const bounds = new Set<number>([0, piece.length]);
  // "(CDPC) WHITE PAPER": an acronym in brackets closes a name in capitals.
  for (const m of piece.matchAll(/\)\s+(?=\p{Lu}{2})/gu)) bounds.add(m.index + 1);
  // "BALKANSWilton": a capitals word glued to a capitalised one.
  for (const m of piece.matchAll(/(?<=\p{Lu}{3})(?=\p{Lu}\p{Ll})/gu)) bounds.add(m.index);
  for (const m of allMatches(NEW_SEGMENT_NOUN, piece)) {
    const before = piece.slice(0, m.index).split(/\s+/).at(-1) ?? '';
    if (
      !/^(?:\d+\p{L}+|\p{L}+(?:th|[eè]me|ª|º)|de|del|la|of|the|du|des|First|Second|Third|Primera|Segunda|Tercera|Cuarta|Quinta|Novena|Annual|Regional|Expert)$/iu.test(
        before,
      ) &&
      !isCaps(before)
    )
      bounds.add(m.index + 1);
  }
  // Runs of two or more capitals words against mixed-case words.
  const words = [...piece.matchAll(/\S+/g)];
  for (let k = 1; k < words.length; k++) {
    const prev = words[k - 1]![0];
    const cur = words[k]![0];
    const capsWord = (w: string) => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase();
    const ordinary = (w: string) => /\p{Ll}/u.test(w);
    if (/^\d+\p{L}{1,3}$/u.test(prev)) continue;
    if (
      (capsWord(prev) && ordinary(cur) && /^\W*\p{Lu}/u.test(cur) && !/^\W*\p{Lu}{3}/u.test(cur)) ||
      (ordinary(prev) && capsWord(cur) && isCapsRun(words, k))
    )
      bounds.add(words[k]!.index);
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const cuts: Cut[] = [];
  for (let k = 0; k + 1 < sorted.length; k++)
    if (piece.slice(sorted[k]!, sorted[k + 1]!).trim())
      cuts.push({ start: start + sorted[k]!, end: start + sorted[k + 1]!, kind: 'text' });
  return cuts;
}

/**
 * "ORGANIZACIÓN DE LOS ESTADOS AMERICANOS COMISIÓN INTERAMERICANA … XXV REUNIÓN DEL GRUPO …": a
 * cover in capitals runs its bodies' names into the title; the bodies the gazetteer knows that open
 * a text piece are cut off it, one by one.
 */
function peelOrganisations(text: string, piece: Cut): Cut[] {
  if (piece.kind !== 'text') return [piece];
  const out: Cut[] = [];
  let start = piece.start;
  for (;;) {
    const raw = text.slice(start, piece.end);
    const lead = raw.length - raw.trimStart().length;
    const known = findOrganisations(raw.trimStart(), 0, { patterns: false })[0];
    const rest = known ? raw.slice(lead + known.end) : '';
    if (known?.start !== 0 || !/^\s+\S/.test(rest)) break;
    out.push({ start: start + lead, end: start + lead + known.end, kind: 'organisation' });
    start += lead + known.end;
  }
  out.push({ ...piece, start });
  return out;
}

/** Two or more words in capitals from word k on: a capitals run, not one acronym. */
function isCapsRun(words: RegExpMatchArray[], k: number): boolean {
  let n = 0;
  for (
    let j = k;
    j < words.length && /\p{Lu}{2}/u.test(words[j]![0]) && words[j]![0] === words[j]![0].toUpperCase();
    j++
  )
    n++;
  return n >= 3;
}
