// Writes an instrument version as an XLSForm workbook (.xlsx) that ODK and KoBoToolbox open,
// and that Tacit reads back field for field (xlsform-import.ts).

import { LANGUAGES } from '../reference/vocabularies.ts';
import { type DraftText, firstText, type StoredDefinition } from './definition.schema.ts';
import { SCALES, type ScaleId } from './scales.ts';
import {
  CHOICES_COLUMNS,
  CONVERSION_COLUMNS,
  languageName,
  localisedColumn,
  SETTINGS_COLUMNS,
  SURVEY_COLUMNS,
} from './xlsform.columns.ts';

type Row = Record<string, string | number>;

function localised(base: string, text: DraftText | undefined): Row {
  const row: Row = {};
  for (const lang of LANGUAGES) {
    const value = text?.[lang];
    if (value) row[localisedColumn(base, lang)] = value;
  }
  return row;
}

function surveyRows(def: StoredDefinition): Row[] {
  return def.areas.flatMap((area) => [
    {
      type: 'begin_group',
      name: area.id,
      ...localised('label', area.title),
      ...localised('hint', area.description),
      tacit_weight: area.weight,
      tacit_aggregation: area.aggregation,
    },
    ...area.questions.map((q) => ({
      type: q.scale === 'free_text' ? 'text' : `select_one ${q.scale}`,
      name: q.id,
      ...localised('label', q.text),
      ...localised('hint', q.guidance),
      ...(q.number ? { tacit_number: q.number } : {}),
      tacit_weight: q.weight,
      ...(q.prefill ? { tacit_prefill: q.prefill } : {}),
    })),
    { type: 'end_group', name: area.id },
  ]);
}

function choiceRows(def: StoredDefinition): Row[] {
  const used = new Set<ScaleId>(def.areas.flatMap((a) => a.questions.map((q) => q.scale)));
  return [...used].flatMap((id) =>
    SCALES[id].values.map((v) => ({ list_name: id, name: v.name, ...localised('label', v.label) })),
  );
}

export async function toXlsForm(def: StoredDefinition, version: number): Promise<Buffer> {
  // exceljs is large: load it on the first workbook, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Tacit';
  const addSheet = (name: string, columns: readonly string[], rows: Row[]) => {
    const sheet = book.addWorksheet(name);
    sheet.columns = columns.map((c) => ({ header: c, key: c, width: c.startsWith('label') ? 60 : 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(rows);
  };
  addSheet('survey', SURVEY_COLUMNS, surveyRows(def));
  addSheet('choices', CHOICES_COLUMNS, choiceRows(def));
  addSheet('settings', SETTINGS_COLUMNS, [
    {
      form_id: def.key,
      form_title: firstText(def.title),
      version: String(version),
      default_language: languageName(LANGUAGES.find((lang) => def.title[lang]) ?? 'en'),
      ...localised('title', def.title),
      ...localised('description', def.description),
      ...localised('source', def.source),
      tacit_subjects: def.subjects.join(' '),
      tacit_overall: def.overall,
    },
  ]);
  const conversions = def.areas.flatMap((area) =>
    (area.conversion_table ?? []).map((r) => ({ area: area.id, when: r.when.join(' '), rating: r.rating })),
  );
  if (conversions.length) addSheet('tacit_conversion', CONVERSION_COLUMNS, conversions);
  return Buffer.from(await book.xlsx.writeBuffer());
}
