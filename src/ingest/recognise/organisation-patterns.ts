// Organisations by their shape, in English, Spanish and French: a run of capitalised words (with
// connectors such as "of", "de la", "du") that contains an institution noun — "Ministry of
// Interior", "Ministère de la Sécurité Publique", "Liberia National Police", "Comisión Histórica del
// Conflicto y sus Víctimas". A second institution noun after "of the / del / de la" starts the parent
// body ("Instituto Nacional de Justicia del Departamento de Justicia…" is two organisations).
// Runs in capitals are left to the gazetteer: in covers they are titles as often as names.
import type { Span } from '../text-model.ts';
import { allMatches } from './regex.ts';

export interface PatternOrganisation extends Span {
  name: string;
  written: string;
}

const HEAD =
  /^(?:Ministry|Ministries|Ministerio|Minist[eè]re|Secretar[ií]a|Secr[eé]tariat|Department|Departamento|D[eé]partement|Institute|Instituto|Institut|Commission|Comisi[oó]n|Committee|Comit[eé]|Bureau|Office|Oficina|Delegation|D[eé]l[eé]gation|Delegaci[oó]n|Directorate|Direcci[oó]n|Direction|Agency|Agencia|Agence|Council|Consejo|Conseil|Police|Polic[ií]a|Gendarmerie|Fiscal[ií]a|Parquet|Procuradur[ií]a|Tribunal|Court|Corte|Cour|Authority|Autoridad|Autorit[eé]|Unit|Unidad|Unit[eé]|Service|Servicio|Judiciary|Association|Asociaci[oó]n|Foundation|Fundaci[oó]n|Fondation|Centre|Center|Centro)$/u;
const CONNECTORS = new Set([
  'of',
  'for',
  'on',
  'and',
  'the',
  '&',
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'e',
  'sus',
  'su',
  'para',
  'sobre',
  'contra',
  'du',
  'des',
  'le',
  'les',
  'et',
  'à',
  'pour',
  'sur',
  'contre',
]);
// The words that open a parent body inside a run: "Instituto … del Departamento …".
const PARENT_LINK = /^(?:of the|del|de la|de l['’]|du|de los|des)$/i;
const LEADING = /^(?:The|This|These|L|El|La|Le|Les|Los|Las|Esta|Este|Estos|Cette|Ce|Ces)$/;
// Links that make the words before an institution noun something else's: "Informe de la Comisión…".
const OWNER_LINK = /^(?:of|the|de|del|la|las|los|du|des|l['’])$/i;
// Words that look like names but label a form or a list.
const NOT_A_NAME =
  /^(?:Implementing|Recipient|Responsible|Key|Liste|List|Lista|Total|Project|Programme|Projet|Proyecto)$/;

// A heading run into the text after a name ("Note du Secrétariat Résumé Le présent…", "… I. Introduction").
const SECTION_WORD = /^(?:R[ée]sum[ée]|Resumen|Summary|Abstract|Introduction|Introducci[oó]n|[IVX]{1,4})$/u;

const TOKEN = /[\p{L}][\p{L}\p{M}’'-]*|&|[,;:.()\n]/gu;

const isCapitalised = (w: string) =>
  /^(?:[LDld][’'])?\p{Lu}/u.test(w) && !/^\p{Lu}{2,}$/u.test(w.replace(/^[LDld][’']/, ''));
const isHead = (w: string) => HEAD.test(w.replace(/^[LDld][’']/, ''));

export function findPatternOrganisations(text: string): PatternOrganisation[] {
  const found: PatternOrganisation[] = [];
  const tokens = [...allMatches(TOKEN, text)];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]![0])) {
      i++;
      continue;
    }
    // Collect the run: capitalised words and connectors followed by more capitalised words.
    const run: RegExpMatchArray[] = [];
    let j = i;
    while (j < tokens.length) {
      const w = tokens[j]![0];
      const gap = run.length ? text.slice(run.at(-1)!.index! + run.at(-1)![0].length, tokens[j]!.index) : '';
      if (run.length && !/^[ \t]+$/.test(gap)) break;
      if (run.length && SECTION_WORD.test(w)) break;
      if (isCapitalised(w)) run.push(tokens[j]!);
      else if (CONNECTORS.has(w.toLowerCase()) && run.length) run.push(tokens[j]!);
      else break;
      j++;
    }
    while (run.length && CONNECTORS.has(run.at(-1)![0].toLowerCase())) run.pop();
    for (const piece of splitAtParent(run)) {
      if (piece.length && LEADING.test(piece[0]![0])) piece.shift();
      const head = piece.findIndex((t) => isHead(t[0]));
      if (head > 0 && piece.slice(0, head).some((t) => OWNER_LINK.test(t[0]))) piece.splice(0, head);
      if (!piece.length) continue;
      const content = piece.filter((t) => isCapitalised(t[0]));
      if (content.length < 2 || !content.some((t) => isHead(t[0]))) continue;
      if (NOT_A_NAME.test(piece[0]![0])) continue;
      // "l’Institut …": the elided article is not part of the name.
      const start = piece[0]!.index! + (/^[LDld][’']\p{Lu}/u.test(piece[0]![0]) ? 2 : 0);
      const end = piece.at(-1)!.index! + piece.at(-1)![0].length;
      const name = text.slice(start, end);
      found.push({ name, written: name, start, end });
    }
    i = Math.max(j, i + 1);
  }
  return found;
}

/** Cuts a run where a second institution noun follows "of the / del / de la". */
function splitAtParent(run: RegExpMatchArray[]): RegExpMatchArray[][] {
  const pieces: RegExpMatchArray[][] = [];
  let current: RegExpMatchArray[] = [];
  let sawHead = false;
  for (let k = 0; k < run.length; k++) {
    const w = run[k]![0];
    // "Ministry of Interior & Ministry of Finance": two institutions side by side.
    if (sawHead && isHead(w) && /^(?:&|and|y|et)$/i.test(current.at(-1)?.[0] ?? '')) {
      pieces.push(current.slice(0, -1));
      current = [];
      sawHead = false;
    } else if (sawHead && isHead(w) && k > 0) {
      // Walk back over the connectors that link the parent ("del", "de la", "of the").
      let back = current.length;
      while (back > 0 && CONNECTORS.has(current[back - 1]![0].toLowerCase())) back--;
      const link = current
        .slice(back)
        .map((t) => t[0])
        .join(' ');
      if (back < current.length && PARENT_LINK.test(link)) {
        pieces.push(current.slice(0, back));
        current = [];
        sawHead = false;
      }
    }
    current.push(run[k]!);
    if (isHead(w)) sawHead = true;
  }
  pieces.push(current);
  return pieces.filter((p) => p.length);
}
