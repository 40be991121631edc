// XLSForm and JSON files: every built-in instrument survives a round trip field by field, and a
// broken file is refused with where the problem is (sheet, row and column; line and path).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../server/errors.ts';
import { readBuiltInInstruments } from './builtin.ts';
import { fromJsonText, toJsonText } from './json-file.ts';
import { toXlsForm } from './xlsform-export.ts';
import { fromXlsForm } from './xlsform-import.ts';

const builtIns = readBuiltInInstruments();
const heuni = builtIns.find((d) => d.key === 'heuni-checklist')!;

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    const e = err as AppError;
    return { status: e.status, code: e.code, message: e.message, details: e.details };
  }
  throw new Error('the file was accepted');
}

/** The HEUNI checklist's workbook with one change made to it. */
async function editedWorkbook(edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await toXlsForm(heuni, 1)) as unknown as ArrayBuffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('XLSForm', () => {
  it.each(builtIns.map((d) => [d.key, d] as const))('gives back %s field by field', async (_key, def) => {
    expect(await fromXlsForm(await toXlsForm(def, 3))).toEqual(def);
  });

  it('writes the sheets and translated columns other XLSForm tools read', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsForm(heuni, 2)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    const survey = book.getWorksheet('survey')!;
    const header = survey.getRow(1).values as string[];
    expect(header).toContain('label::Español (es)');
    const row3 = survey.getRow(3);
    const cell = (name: string) => row3.getCell(header.indexOf(name)).value;
    expect([cell('type'), cell('name'), cell('label::Français (fr)')]).toEqual([
      'select_one yes_partly_no',
      'needs_assessment',
      'Les besoins ont-ils été évalués avant de concevoir le projet ?',
    ]);
    const settings = book.getWorksheet('settings')!;
    const sHeader = settings.getRow(1).values as string[];
    expect(settings.getRow(2).getCell(sHeader.indexOf('version')).value).toBe('2');
    expect(settings.getRow(2).getCell(sHeader.indexOf('form_id')).value).toBe('heuni-checklist');
  });

  it('refuses a scale it does not know with its sheet, row and column', async () => {
    const bytes = await editedWorkbook((book) => {
      book.getWorksheet('survey')!.getRow(4).getCell(1).value = 'select_one stars';
    });
    const r = await refusal(fromXlsForm(bytes));
    expect(r.status).toBe(422);
    expect(r.code).toBe('invalid_instrument_file');
    expect(r.details).toEqual([
      {
        sheet: 'survey',
        row: 4,
        column: 'type',
        reason:
          '"select_one stars" is not a scale Tacit scores; use select_one with yes_partly_no, zero_to_four, six_point, a_to_d, or text',
      },
    ]);
    expect(r.message).toMatch(/^The instrument file is not valid: sheet "survey", row 4, column "type": /);
  });

  it('refuses an unknown column, a language Tacit does not keep, and an unclosed group', async () => {
    const bytes = await editedWorkbook((book) => {
      const survey = book.getWorksheet('survey')!;
      survey.getRow(1).getCell(14).value = 'relevant';
      survey.getRow(1).getCell(15).value = 'label::Deutsch (de)';
      survey.spliceRows(survey.rowCount, 1);
    });
    const r = await refusal(fromXlsForm(bytes));
    expect(r.details).toEqual([
      expect.objectContaining({ sheet: 'survey', row: 1, column: 'relevant' }),
      expect.objectContaining({ sheet: 'survey', row: 1, column: 'label::Deutsch (de)' }),
      { sheet: 'survey', row: 16, column: 'type', reason: 'the group "delivery" has no end_group' },
    ]);
  });

  it('traces a schema refusal back to the row and column that hold it', async () => {
    const bytes = await editedWorkbook((book) => {
      const survey = book.getWorksheet('survey')!;
      const header = survey.getRow(1).values as string[];
      survey.getRow(5).getCell(header.indexOf('tacit_weight')).value = -2;
      survey.getRow(6).getCell(header.indexOf('label::English (en)')).value = null;
    });
    const r = await refusal(fromXlsForm(bytes));
    expect(r.details).toEqual([
      { sheet: 'survey', row: 5, column: 'tacit_weight', reason: 'weight must be more than 0' },
      {
        sheet: 'survey',
        row: 6,
        column: 'label::English (en)',
        reason: 'text.en is required',
      },
    ]);
  });

  it('refuses a file that is not a workbook, and a workbook without a survey', async () => {
    expect((await refusal(fromXlsForm(Buffer.from('not a zip')))).details).toEqual([
      { reason: 'the file is not an Excel workbook; save the XLSForm as .xlsx' },
    ]);
    const bytes = await editedWorkbook((book) => book.removeWorksheet(book.getWorksheet('survey')!.id));
    expect((await refusal(fromXlsForm(bytes))).details).toEqual([
      { sheet: 'survey', reason: 'the workbook has no "survey" sheet' },
    ]);
  });
});

describe('JSON files', () => {
  it('give back every built-in instrument', () => {
    for (const def of builtIns) expect(fromJsonText(toJsonText(def))).toEqual(def);
  });

  it('report a syntax error with its line', async () => {
    const text = toJsonText(heuni).replace('"subjects": [', '"subjects": [,');
    const line = text.split('\n').findIndex((l) => l.includes('"subjects"')) + 1;
    const r = await refusal(() => fromJsonText(text));
    expect(r.details).toEqual([{ line, reason: 'not valid JSON: "," cannot stand here (column 16)' }]);
  });

  it('report a schema refusal with its path and the line it is on', async () => {
    const text = toJsonText(heuni).replace('"scale": "yes_partly_no"', '"scale": "stars"');
    const line = text.split('\n').findIndex((l) => l.includes('"stars"')) + 1;
    const r = await refusal(() => fromJsonText(text));
    expect(r.details).toEqual([
      { line, path: 'areas.0.questions.0.scale', reason: expect.stringContaining('Invalid option') },
    ]);
  });
});
