// Reads an XLSForm workbook into an instrument definition. Every problem is reported with the
// sheet, row and column it is in; the definition schema's own refusals are traced back to the
// row that holds the area, question or conversion-table entry.
import { InstrumentDefinition } from './definition.schema.ts';
import { type FileProblem, invalidInstrumentFile } from './file-problems.ts';
import { SCALE_IDS, SCALES, type ScaleId } from './scales.ts';
import { CHOICES_COLUMNS, CONVERSION_COLUMNS, SETTINGS_COLUMNS, SURVEY_COLUMNS } from './xlsform.columns.ts';
import { type Located, localised, numberOr, readSheet, type SheetRow } from './xlsform-sheets.ts';

const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const SHEETS = ['survey', 'choices', 'settings', 'tacit_conversion'];

/** The column a definition field is written in, for pointing at a schema refusal. */
const COLUMN_OF: Record<string, string> = {
  id: 'name',
  text: 'label',
  guidance: 'hint',
  number: 'tacit_number',
  weight: 'tacit_weight',
  aggregation: 'tacit_aggregation',
  prefill: 'tacit_prefill',
  scale: 'type',
  key: 'form_id',
  subjects: 'tacit_subjects',
  overall: 'tacit_overall',
  when: 'when',
  rating: 'rating',
};

function columnOf(field: string | undefined, inArea: boolean, lang: string | undefined): string | undefined {
  if (!field) return undefined;
  let base = COLUMN_OF[field] ?? field;
  if (inArea && field === 'title') base = 'label';
  if (inArea && field === 'description') base = 'hint';
  if (!['label', 'hint', 'title', 'description', 'source'].includes(base)) return base;
  const names: Record<string, string> = { en: 'English (en)', es: 'Español (es)', fr: 'Français (fr)' };
  return `${base}::${names[lang ?? 'en']}`;
}

interface Built {
  raw: Record<string, unknown>;
  locations: Map<string, Located>;
}

function buildAreas(rows: SheetRow[], problems: FileProblem[], locations: Map<string, Located>) {
  const areas: {
    id?: string;
    row: number;
    raw: Record<string, unknown>;
    questions: Record<string, unknown>[];
  }[] = [];
  let open: (typeof areas)[number] | null = null;
  for (const { row, cells } of rows) {
    const at = { sheet: 'survey', row };
    const type = (cells.get('type') ?? '').replace(/^(begin|end) group$/, '$1_group');
    const [kind, list] = type.split(/\s+/);
    if (kind === 'begin_group') {
      if (open)
        problems.push({
          ...at,
          column: 'type',
          reason: `groups cannot nest: end the group "${open.id}" (row ${open.row}) first`,
        });
      open = {
        id: cells.get('name'),
        row,
        questions: [],
        raw: compact({
          id: cells.get('name'),
          title: localised(cells, 'label'),
          description: localised(cells, 'hint'),
          weight: numberOr(cells, 'tacit_weight', 1, at, problems),
          aggregation: cells.get('tacit_aggregation') ?? 'average',
        }),
      };
      locations.set(`areas.${areas.length}`, at);
      areas.push(open);
    } else if (kind === 'end_group') {
      if (!open) problems.push({ ...at, column: 'type', reason: 'end_group has no begin_group before it' });
      open = null;
    } else if (kind === 'select_one' || kind === 'text') {
      const scale = kind === 'text' ? 'free_text' : list;
      if (!open)
        problems.push({
          ...at,
          column: 'type',
          reason: 'every question must sit in a group (begin_group … end_group), which is its area',
        });
      else if (
        !(SCALE_IDS as readonly string[]).includes(scale ?? '') ||
        (scale === 'free_text' && kind !== 'text')
      )
        problems.push({
          ...at,
          column: 'type',
          reason: `"${type}" is not a scale Tacit scores; use select_one with ${SCALE_IDS.filter((s) => s !== 'free_text').join(', ')}, or text`,
        });
      else {
        locations.set(`areas.${areas.length - 1}.questions.${open.questions.length}`, at);
        open.questions.push(
          compact({
            id: cells.get('name'),
            number: cells.get('tacit_number'),
            text: localised(cells, 'label'),
            guidance: localised(cells, 'hint'),
            scale,
            weight: numberOr(cells, 'tacit_weight', 1, at, problems),
            prefill: cells.get('tacit_prefill'),
          }),
        );
      }
    } else
      problems.push({
        ...at,
        column: 'type',
        reason: `type "${type}" is not one Tacit reads; use begin_group, end_group, select_one <scale> or text`,
      });
  }
  if (open)
    problems.push({
      sheet: 'survey',
      row: open.row,
      column: 'type',
      reason: `the group "${open.id}" has no end_group`,
    });
  return areas.map((a): Record<string, unknown> => ({ ...a.raw, questions: a.questions }));
}

function checkChoices(rows: SheetRow[], problems: FileProblem[]) {
  const lists = new Map<string, { row: number; names: string[] }>();
  for (const { row, cells } of rows) {
    const list = cells.get('list_name') ?? '';
    if (!lists.has(list)) lists.set(list, { row, names: [] });
    lists.get(list)!.names.push(cells.get('name') ?? '');
  }
  for (const [list, { row, names }] of lists) {
    const scale = SCALES[list as ScaleId];
    const expected = scale?.values.map((v) => v.name) ?? [];
    if (!scale || list === 'free_text')
      problems.push({
        sheet: 'choices',
        row,
        column: 'list_name',
        reason: `"${list}" is not one of Tacit's scales (${SCALE_IDS.filter((s) => s !== 'free_text').join(', ')})`,
      });
    else if ([...names].sort().join() !== [...expected].sort().join())
      problems.push({
        sheet: 'choices',
        row,
        column: 'name',
        reason: `the choices of ${list} must be exactly ${expected.join(', ')}`,
      });
  }
}

async function readWorkbook(bytes: Buffer, problems: FileProblem[]): Promise<Built> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalidInstrumentFile([{ reason: 'the file is not an Excel workbook; save the XLSForm as .xlsx' }]);
  }
  for (const sheet of book.worksheets)
    if (!SHEETS.includes(sheet.name))
      problems.push({
        sheet: sheet.name,
        reason: `Tacit does not read this sheet; an instrument has ${SHEETS.join(', ')}`,
      });
  for (const name of ['survey', 'settings'])
    if (!book.getWorksheet(name))
      problems.push({ sheet: name, reason: `the workbook has no "${name}" sheet` });
  if (problems.length) throw invalidInstrumentFile(problems);
  const locations = new Map<string, Located>();
  const areas = buildAreas(
    readSheet(book.getWorksheet('survey')!, SURVEY_COLUMNS, problems),
    problems,
    locations,
  );
  const choices = book.getWorksheet('choices');
  if (choices) checkChoices(readSheet(choices, CHOICES_COLUMNS, problems), problems);
  const settingsRow = readSheet(book.getWorksheet('settings')!, SETTINGS_COLUMNS, problems)[0];
  const settings = settingsRow?.cells ?? new Map<string, string>();
  locations.set('', { sheet: 'settings', row: settingsRow?.row ?? 2 });
  const title =
    localised(settings, 'title') ??
    (settings.get('form_title') ? { en: settings.get('form_title') } : undefined);
  const conversion = book.getWorksheet('tacit_conversion');
  for (const { row, cells } of conversion ? readSheet(conversion, CONVERSION_COLUMNS, problems) : []) {
    const index = areas.findIndex((a) => a.id === cells.get('area'));
    const area = areas[index] as { conversion_table?: unknown[] } | undefined;
    if (!area) {
      problems.push({
        sheet: 'tacit_conversion',
        row,
        column: 'area',
        reason: `no group in the survey is named "${cells.get('area') ?? ''}"`,
      });
      continue;
    }
    area.conversion_table ??= [];
    locations.set(`areas.${index}.conversion_table.${area.conversion_table.length}`, {
      sheet: 'tacit_conversion',
      row,
    });
    area.conversion_table.push({
      when: (cells.get('when') ?? '').split(/[\s,]+/).filter(Boolean),
      rating: cells.get('rating'),
    });
  }
  const raw = compact({
    key: settings.get('form_id'),
    title,
    description: localised(settings, 'description'),
    source: localised(settings, 'source'),
    subjects: (settings.get('tacit_subjects') ?? 'project organisation country')
      .split(/[\s,]+/)
      .filter(Boolean),
    overall: settings.get('tacit_overall') ?? 'average',
    areas,
  });
  return { raw, locations };
}

export async function fromXlsForm(bytes: Buffer): Promise<InstrumentDefinition> {
  const problems: FileProblem[] = [];
  const { raw, locations } = await readWorkbook(bytes, problems);
  if (problems.length) throw invalidInstrumentFile(problems);
  const parsed = InstrumentDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidInstrumentFile(
    parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      let depth = path.length;
      while (depth > 0 && !locations.has(path.slice(0, depth).join('.'))) depth--;
      const at = locations.get(path.slice(0, depth).join('.'))!;
      const rest = path.slice(depth);
      const field = rest.find((p) => !/^\d+$/.test(p) && !['en', 'es', 'fr'].includes(p));
      const lang = rest.find((p) => ['en', 'es', 'fr'].includes(p));
      return compact({
        ...at,
        column: columnOf(field, depth > 0, lang),
        reason: `${rest.join('.') || 'this row'} ${issue.message}`,
      }) as unknown as FileProblem;
    }),
  );
}
