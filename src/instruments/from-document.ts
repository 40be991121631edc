// A draft instrument from a checklist or a set of principles that a confirmed document lists (the
// background note's HEUNI checklist, its nine principles): one area, one yes / partly / no question
// per item, with the item's number and explanation. The draft keeps the document's words, filed
// under the document's language with the other languages left empty; a network administrator
// checks and translates it, then publishes it to the library.
import type { ItemisedList } from '../ingest/extraction-record.ts';
import { LANGUAGES, type Language } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { type DraftText, InstrumentDefinition, localisedTexts } from './definition.schema.ts';

/** A key from a name: "Nine principles for revitalising TA" → nine-principles-for-revitalising-ta. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return cut || 'checklist';
}

/** The language a draft's texts are filed under: the document's, when Tacit keeps texts in it. */
export function draftLanguage(documentLanguage: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(documentLanguage ?? '')
    ? (documentLanguage as Language)
    : 'en';
}

const PARAGRAPH: Record<Language, string> = { en: 'paragraph', es: 'párrafo', fr: 'paragraphe' };

/** What the draft says of itself, in the language of its texts. */
const DRAFT_NOTE: Record<Language, (title: string, where: string) => string> = {
  en: (title, where) =>
    `Drafted from the list "${title}" in ${where}. Check it, give each question its scale and translations, then publish it.`,
  es: (title, where) =>
    `Borrador hecho de la lista «${title}» de ${where}. Revíselo, dé a cada pregunta su escala y sus traducciones, y publíquelo.`,
  fr: (title, where) =>
    `Brouillon tiré de la liste « ${title} » de ${where}. Vérifiez-le, donnez à chaque question son échelle et ses traductions, puis publiez-le.`,
};

/**
 * The instrument a list describes, its texts the document's own in the document's language. A
 * Spanish or French draft has no English text until translated: publishing asks for it.
 */
export function definitionFromList(
  list: ItemisedList,
  key: string,
  source: { filename: string; language?: string | null },
): InstrumentDefinition {
  const lang = draftLanguage(source.language);
  // Checked as any instrument is (texts under en), then each text is filed under the document's language.
  const inLang = (text: string) => ({ en: text });
  const title = list.name.trim().slice(0, 300) || 'Checklist';
  const where = `${source.filename}${list.paragraph ? `, ${PARAGRAPH[lang]} ${list.paragraph}` : ''}`;
  const parsed = InstrumentDefinition.safeParse({
    key,
    title: inLang(title),
    description: inLang(DRAFT_NOTE[lang](title, where)),
    source: inLang(where),
    subjects: ['project'],
    overall: 'average',
    areas: [
      {
        id: 'items',
        title: inLang(title),
        aggregation: 'average',
        questions: list.items.map((item, i) => ({
          id: `item_${i + 1}`,
          number: String(item.number ?? i + 1),
          text: inLang(item.text.slice(0, 4000)),
          ...(item.description?.trim() ? { guidance: inLang(item.description.slice(0, 4000)) } : {}),
          scale: 'yes_partly_no',
        })),
      },
    ],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw errors.invalidField(
      `list.${issue.path.join('.')}`,
      `cannot become an instrument: ${issue.message}`,
    );
  }
  return fileUnder(parsed.data, lang);
}

/** The definition with every text moved from English to the language given, the others left empty. */
function fileUnder(def: InstrumentDefinition, lang: Language): InstrumentDefinition {
  if (lang === 'en') return def;
  const refiled = structuredClone(def);
  for (const { text } of localisedTexts(refiled)) {
    const moved: DraftText = text;
    moved[lang] = moved.en;
    delete moved.en;
  }
  return refiled;
}
