// The title of a document of any kind, from the strongest evidence the layout offers:
// 1. a labelled title ("Title:", "Titre du projet :", "Título"), for reports and evaluations,
//    reading through a label a flattened form has dropped into its middle;
// 2. a programme or project named in quotes ("Proyecto "…"", "le programme « … »");
// 3. the project an evaluation is "of" ("Final Independent Project Evaluation of the / Umbrella
//    project …", "Évaluation d'impact du projet …");
// 4. the header block: the first segment that is not junk (URL, site name, symbol, date, address,
//    running header, document-type line, organisation), preferring one that opens with a
//    document-type phrase ("Liste des décisions…", "White paper on…", "Estudio sobre…"), joined
//    across wrapped lines and cut before a chair clause.
// No title is better than a wrong one: where none of these finds one, the field stays empty.
import type { DocumentKind } from '../extraction-record.ts';
import { headerSegments, type Segment } from '../layout/header.ts';
import type { LabelValue } from '../layout/labels.ts';
import { findCountries } from '../recognise/countries.ts';
import { allMatches } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export interface FoundTitle {
  title: string;
  span: Span;
  confidence: number;
  /** A project number the label's value opened with ("61150, FORTALECIMIENTO …"). */
  code?: { code: string; span: Span };
}

// A labelled value that opens with a number or code, then a comma or dash, then the title.
const LEADING_CODE = /^\s*["“«]?\s*((?=[A-Z/.-]*\d)[A-Z0-9][A-Z0-9/.-]{2,20})\s*[,–—-]\s+(?=\p{Lu})/u;

const QUOTED =
  /\b(?:programa|programme|program|proyecto|projet|project)\s*:?\s*(?:de\s+)?["“«]\s*([^"”»\n]{8,200}?)\s*["”»]/iu;
const EVALUATION_OF =
  /(?<![\p{L}])(?:evaluation|[ée]valuation|evaluaci[oó]n)(?![\p{L}])[^\n]{0,40}?\b(?:of the|of|du|de la|de l['’]|del|de)\s*(?=\S)/giu;
const PROJECT_WORD =
  /^(?:the\s+)?(?:\p{L}+\s+){0,2}(?:project|programme|program|projet|proyecto|programa)\b/iu;
const PLURAL_PROJECTS = /^(?:programmes|projets|projects|proyectos|programas)\b/iu;
// Phrases a document-type title opens with, in three languages.
const TITLE_OPENING =
  /\b(?:list[ae]? (?:of|des|de) (?:decisions|d[ée]cisions|decisiones)|conclusiones y recomendaciones|conclusions (?:and|et) recommendations|white paper|livre blanc|libro blanco|background (?:documentation|note|paper) (?:for|on)|(?:estudio|study|[ée]tude) (?:sobre|on|sur)|report (?:of|on) the|informe (?:final )?(?:de|sobre) la|rapport (?:final )?(?:de|sur) la|final report of the|compte[- ]rendu (?:de|du|des)|proc[eè]s[- ]verbal (?:de|du|des)|acta (?:de|del)|minutes of the|relator[ií]a (?:de|del)|seminario sobre|seminar on|atelier sur|workshop on|taller sobre|note conceptuelle|concept note|working paper on|document de travail sur|documento de trabajo sobre)\b/iu;
// A meeting's own name, opening with its number: "XXIII Reunión del Grupo…", "9th Meeting of…",
// "Troisième réunion du comité…", "Fifty-eighth session". A meeting report without a document-type
// title is titled by it; a note is not (it names the meeting it was written for).
const MEETING_NAME =
  /^(?:[IVXLC]+|\d+\p{L}{0,3}|\p{L}+(?:-\p{L}+)?(?:th|st|nd|rd|i[eè]me|[eé]sim[ao]|era?|nd[ao]|rt[ao]|nt[ao]|xt[ao]|av[ao]|en[ao]|ptim[ao])|first|second|third|premi[eè]re?|primer[ao]?|segund[ao]|tercer[ao]?)\s+(?:reuni[oó]n|r[ée]union|meeting|session|sesi[oó]n|conference|conferencia|conf[ée]rence|plenary|plenaria|pl[ée]ni[eè]re|seminar|seminario|s[ée]minaire|workshop|taller|atelier|forum|foro)\b/iu;
const CHAIR_CLAUSE =
  /\s+(?:sous la pr[ée]sidence|chaired by|under the chairmanship|presidid[ao] por|bajo la presidencia|(?:prepared|submitted) by|pr[ée]par[ée]e? par|elaborad[ao] por|preparad[ao] por)\b.*$|,?\s+(?:held|celebrad[ao]|tenue?|convened|convoqu[ée]e?|convocad[ao])\s+(?:in|at|on|from|en|el|los|del|à|au|le|les|du)\b.*$/iu;
const NUMBERED_SECTION =
  /^(?:\d{1,2}(?:\.\d{1,2})*\.\s*|\d{1,2}(?:\.\d{1,2})+\s+|[IVX]{1,4}\.\s+)\p{Lu}|(?:\.{2,}\s*|\.\s+)\d{1,3}$/u;
const CONNECTOR_END =
  /\b(?:of|the|in|on|for|to|and|de|del|la|las|los|en|sur|des|du|et|y|pour|para|IN|OF|THE|ON|FOR|AND|DE|DU|DES|LA|EN)$/u;

export function findTitle(text: string, kind: DocumentKind, labels: LabelValue[]): FoundTitle | null {
  const head = text.slice(0, 4000);
  if (kind === 'annual_review' || kind === 'evaluation' || kind === 'other') {
    const labelled = fromLabel(labels) ?? lostLabel(text);
    if (labelled) return labelled;
    const quoted = QUOTED.exec(head);
    if (quoted) {
      let start = quoted.index + quoted[0].indexOf(quoted[1]!);
      const lead = LEADING_CODE.exec(quoted[1]!);
      const code = lead && {
        code: lead[1]!,
        span: {
          start: start + lead[0].indexOf(lead[1]!),
          end: start + lead[0].indexOf(lead[1]!) + lead[1]!.length,
        },
      };
      if (lead) start += lead[0].length;
      const title = cleanTitle(lead ? quoted[1]!.slice(lead[0].length) : quoted[1]!);
      return {
        title,
        span: { start, end: start + title.length },
        confidence: 0.85,
        ...(code ? { code } : {}),
      };
    }
    if (kind === 'evaluation') {
      const of = evaluationOf(text, head);
      if (of) return of;
    }
  }
  return fromHeader(text, kind);
}

function fromLabel(labels: LabelValue[]): FoundTitle | null {
  const at = labels.findIndex((p) => p.field === 'title');
  if (at < 0) return null;
  const pair = labels[at]!;
  let title = pair.value;
  let end = pair.valueSpan.end;
  let valueStart = pair.valueSpan.start;
  const lead = LEADING_CODE.exec(title);
  let code: FoundTitle['code'];
  if (lead) {
    const at = valueStart + lead[0].indexOf(lead[1]!);
    code = { code: lead[1]!, span: { start: at, end: at + lead[1]!.length } };
    title = title.slice(lead[0].length);
    valueStart += lead[0].length;
  }
  // A flattened form can drop a label into the title ("…at the Decentralized Project No & Title:
  // Level – Justice…"): a code field whose value holds no code continues the title.
  const next = labels[at + 1];
  if (next?.field === 'project_code' && !/\d/.test(next.value.split(/[,;]/)[0]!)) {
    const continued = next.value.split(/,/)[0]!.trim();
    title = `${title} ${continued}`;
    end = next.valueSpan.start + next.value.indexOf(continued) + continued.length;
  }
  const quoted = QUOTED.exec(title);
  if (quoted) {
    const start = pair.valueSpan.start + pair.value.indexOf(quoted[1]!);
    const title = cleanTitle(quoted[1]!);
    return { title, span: { start, end: start + title.length }, confidence: 0.9 };
  }
  title = cleanTitle(title);
  if (title.split(/\s+/).length < 2) return null;
  return { title, span: { start: valueStart, end }, confidence: 0.9, ...(code ? { code } : {}) };
}

/** A record page whose labels were lost in conversion starts with the title's value: ": Women and…". */
function lostLabel(text: string): FoundTitle | null {
  const first = /^:\s*([^\n]{8,300})/.exec(text);
  if (!first) return null;
  const title = cleanTitle(first[1]!);
  const start = first[0].indexOf(first[1]!);
  return title.split(/\s+/).length >= 3
    ? { title, span: { start, end: start + title.length }, confidence: 0.7 }
    : null;
}

function evaluationOf(text: string, head: string): FoundTitle | null {
  for (const m of allMatches(EVALUATION_OF, head)) {
    const from = m.index + m[0].length;
    const line = /[^\n]+/.exec(text.slice(from))?.[0] ?? '';
    if (PLURAL_PROJECTS.test(line) || !PROJECT_WORD.test(line)) continue;
    const title = cleanTitle(line.replace(/^the\s+/i, ''));
    const start = from + line.indexOf(title);
    if (title.split(/\s+/).length >= 3)
      return { title, span: { start, end: start + title.length }, confidence: 0.7 };
  }
  return null;
}

function fromHeader(text: string, kind: DocumentKind): FoundTitle | null {
  const segments = headerSegments(text);
  // The header ends where running prose begins.
  const prose = segments.findIndex((s) => s.kind === 'text' && s.text.length > 300 && /\.\s/.test(s.text));
  const header = segments.slice(0, prose < 0 ? segments.length : prose + 1);
  const candidates = header.filter(
    (s) =>
      s.kind === 'text' &&
      s.text.split(/\s+/).length >= 3 &&
      !/^[,;:(]/.test(s.text) &&
      // A sentence is prose, not a title.
      !(/\.$/.test(s.text) && s.text.split(/\s+/).length > 12) &&
      // Nor is a numbered section or a contents entry ("1.2. Apoyar mecanismos … 8").
      !NUMBERED_SECTION.test(s.text),
  );
  const opens = (s: Segment) => TITLE_OPENING.test(s.text) && TITLE_OPENING.exec(s.text)!.index < 30;
  // A workshop paper whose agenda item is the workshop itself: "Point 6 … Atelier sur …".
  const opening =
    candidates.find(opens) ??
    (kind === 'background_note' ? header.find((s) => s.kind === 'agenda' && opens(s)) : undefined);
  const meeting = kind === 'meeting_report' ? candidates.find((s) => MEETING_NAME.test(s.text)) : undefined;
  const chosen = opening ?? meeting ?? candidates.find((s) => !isOnlyPlaces(s.text) && s.text.length < 300);
  if (!chosen) return null;
  let start = chosen.start;
  if (opening) start += TITLE_OPENING.exec(chosen.text)!.index;
  let end = joinWrapped(text, header, header.indexOf(chosen));
  let title = text.slice(start, end).replace(/\s*\n\s*(?=\p{Ll}{1,3}\s*\n)/gu, '');
  // "78\ne\nréunion": a superscript ordinal on its own line joins the number before it.
  title = title.replace(/(\d)\s*\n\s*(\p{Ll}{1,3})\s*\n\s*/gu, '$1$2 ').replace(/\s+/g, ' ');
  const chair = CHAIR_CLAUSE.exec(title);
  if (chair) title = title.slice(0, chair.index);
  title = cleanTitle(title);
  end = start + Math.min(end - start, title.length + 40);
  if (title.split(/\s+/).length < 3 || title.length > 260) return null;
  // A long paragraph's opening is not a title; only meeting reports and notes fall back to it.
  const confidence = opening ? 0.85 : kind === 'meeting_report' || kind === 'background_note' ? 0.8 : 0.6;
  return { title, span: { start, end }, confidence };
}

/** The end of a title that wraps onto the following header lines. */
function joinWrapped(text: string, header: Segment[], at: number): number {
  let end = header[at]!.end;
  let current = header[at]!;
  for (let k = at + 1; k < header.length; k++) {
    const next = header[k]!;
    if (next.kind !== 'text' || !current.lineEnd) break;
    const continues =
      CONNECTOR_END.test(current.text) ||
      /^\p{Ll}/u.test(next.text) ||
      (/\d$/.test(current.text) && /^\p{Ll}{1,3}$/u.test(next.text));
    if (!continues) break;
    end = next.end;
    current = next;
  }
  return Math.max(end, header[at]!.end) + (text.slice(end).startsWith(' ') ? 0 : 0);
}

const isOnlyPlaces = (s: string) => {
  const countries = findCountries(s);
  const rest = countries.reduceRight((acc, c) => acc.slice(0, c.start) + acc.slice(c.end), s);
  return countries.length > 0 && !/\p{L}{4,}/u.test(rest.replace(/\b(?:and|y|et)\b/g, ''));
};

const SMALL_WORD =
  /^(?:a|an|the|of|and|or|to|in|on|for|by|with|at|from|de|del|la|las|los|el|y|e|en|para|por|con|le|les|des|du|et|pour|sur|dans|au|aux|à)$/iu;

/**
 * A title a reader ran into the sentence after it ("… Institutions (A2J Project) Management take
 * note of all the recommendations."): titles do not end in a full stop, so where a capitalised
 * title is followed by a capitalised word opening a sentence of ordinary lower-case words that ends
 * the line, the title ends before that word.
 */
export function cutRunOnSentence(title: string): string {
  if (!/[.!]$/.test(title)) return title;
  const words = [...title.matchAll(/\S+/g)];
  for (let k = 3; k < words.length - 4; k++) {
    const word = words[k]!;
    if (!/^\p{Lu}\p{Ll}/u.test(word[0])) continue;
    const head = words.slice(0, k).filter((w) => !SMALL_WORD.test(w[0]) && /^\p{L}/u.test(w[0]));
    const tail = words.slice(k + 1).filter((w) => /^\p{L}/u.test(w[0]));
    const capitalised = head.filter((w) => /^\p{Lu}/u.test(w[0])).length;
    const lower = tail.filter((w) => /^\p{Ll}/u.test(w[0])).length;
    const named = tail.filter((w) => /^\p{Lu}\p{Ll}/u.test(w[0])).length;
    if (capitalised >= 0.75 * head.length && tail.length >= 4 && lower >= 0.8 * tail.length && !named)
      return title.slice(0, word.index).trim();
  }
  return title;
}

/** Footnote marks, trailing codes in brackets, and a country tacked on after a bracket go. */
export function cleanTitle(raw: string): string {
  let title = cutRunOnSentence(raw.replace(/\s+/g, ' ').trim());
  title = title.replace(/(\p{L})\d{1,2}$/u, '$1').replace(/[*\s]+$/, '');
  // "Law and Order Trust Fund for Afghanistan(LOTFA: Phase IV & V)": a scoped acronym is not part of it.
  title = title.replace(/\s*\([^()]*:[^()]*\)$/, '');
  // "5th meeting of the Committee of the Parties (Strasbourg": a bracket the title never closes
  // opens the place and date a segment cut off; it is not part of the title.
  title = title.replace(/\s*\([^()]*$/, '');
  // "… justice pénale I. Introduction A. Historique": a numbered section run into a flattened page.
  title = title.replace(
    /\s+(?:[IVX]{1,4}|\d{1,2})\.\s+\p{Lu}[\p{L}-]*(?:\s+[A-Z]\.\s+\p{Lu}[\p{L}-]*)?$/u,
    '',
  );
  // "… in Central America (XCAX75)": the project code is a field of its own.
  title = title.replace(/\s*\((?=[^()]*\d)(?=[^()]*[A-Z])[A-Z0-9/.-]{4,}\)$/, '');
  // "… Programme (CDGP) Nigeria": the country a flattened form puts after the title.
  const tail = /\)\s+([\p{L} ]+)$/u.exec(title);
  if (tail && findCountries(tail[1]!).some((c) => c.start === 0 && c.end === tail[1]!.length))
    title = title.slice(0, tail.index + 1);
  return title.replace(/[\s,;:–-]+$/, '').replace(/^[\s"“:]+|["”]$/g, '');
}
