// Every fixture format through its reader: the same structure must come out of .txt, .html,
// .docx and .pdf — the summary-sheet table with its cells, numbered items, country headings.
import { describe, expect, it } from 'vitest';
import { makePdf } from '../testing/files.ts';
import { fixtureFormats, readFixture } from '../testing/fixtures.ts';
import { type Block, textUnits } from '../text-model.ts';
import { readDocument } from './index.ts';

const rows = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text)) : []));
const boldCells = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => c.bold)) : []));

describe.each(fixtureFormats('annual-review-peru-colombia-soc'))('annual review %s', (file) => {
  it('keeps the summary sheet as rows and cells, wrapped cell text joined', async () => {
    const { model } = await readDocument(readFixture(file));
    const table = rows(model.blocks);
    expect(table).toContainEqual(['Country/Region:', 'Peru/Colombia']);
    expect(table).toContainEqual(['Total Budget:', 'ODA: £2.3m', 'Non-ODA:']);
    expect(table).toContainEqual(['Year', '15/16', '16/17']);
    expect(table).toContainEqual(['Programme Score', 'A/B', 'A']);
    const output4 = table.find((r) => r[0]?.startsWith('4. Corruption'));
    expect(output4).toEqual([
      '4. Corruption- Cadre of internal affairs officers in Peru trained in anti-corruption techniques and recommendations delivered to criminal justice authorities in both Peru and Colombia to improve policies and procedures for tackling corruption.',
      'A',
    ]);
  });

  it('marks the bold labels of the sheet, and only those, in every format', async () => {
    const { model } = await readDocument(readFixture(file));
    const cells = boldCells(model.blocks);
    expect(cells).toContainEqual([['HMG Partners (LEAD in bold)'], []]);
    expect(cells).toContainEqual([['Total Budget:'], [], []]);
    expect(cells).toContainEqual([['Country/Region:'], []]);
  });

  it('keeps numbered items with their numbers and every span points at its text', async () => {
    const { model } = await readDocument(readFixture(file));
    const items = model.blocks.filter((b) => b.type === 'list_item');
    expect(items.map((b) => b.number).filter((n) => n !== null)).toEqual([2, 3, 4, 5, 1, 2, 3, 4, 5, 6]);
    for (const unit of textUnits(model)) expect(model.text.slice(unit.start, unit.end)).toBe(unit.text);
    expect(model.text).not.toMatch(/<\/?b>|\*\*/);
  });
});

describe.each(fixtureFormats('evaluation-brief-xcax75'))('evaluation brief %s', (file) => {
  it('finds the capitalised section headings and the numbered recommendations', async () => {
    const { model } = await readDocument(readFixture(file));
    const headings = model.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings).toEqual(
      expect.arrayContaining([
        'EVALUATION METHODOLOGY',
        'MAIN FINDINGS',
        'RECOMMENDATIONS',
        'LESSONS LEARNED AND GOOD PRACTICE',
      ]),
    );
    const recommendations = model.blocks.filter((b) => b.type === 'list_item');
    expect(recommendations.map((b) => b.number)).toEqual([1, 2, 3, 4]);
    expect(recommendations[2]?.text).toMatch(/^Training Methodology: UNODC Project Management/);
  });
});

describe('PDF bold fonts', () => {
  it('keeps runs set in a bold font as bold fragments, one across a wrapped cell', async () => {
    const pdf = makePdf([
      [
        [
          { text: 'Partners (lead in bold)', bold: true },
          { text: 'Serious Fraud Office,', x: 250 },
          { text: ' Crown Prosecution', bold: true },
        ],
        [{ text: 'Service, National Crime Agency', x: 250, bold: true }],
        '',
        [{ text: 'A paragraph with ' }, { text: 'one bold phrase', bold: true }, { text: ' in it.' }],
      ],
    ]);
    const { model } = await readDocument({ bytes: pdf, filename: 'bold.pdf' });
    expect(boldCells(model.blocks)).toEqual([
      [['Partners (lead in bold)'], ['Crown Prosecution Service, National Crime Agency']],
    ]);
    const paragraph = model.blocks.find((b) => b.type === 'paragraph');
    expect(paragraph).toMatchObject({
      text: 'A paragraph with one bold phrase in it.',
      bold: ['one bold phrase'],
    });
  });
});

describe('readers on small inputs', () => {
  const read = (text: string, filename: string) =>
    readDocument({ bytes: Buffer.from(text, 'utf8'), filename });

  it('reads Markdown headings, pipe tables and bullets', async () => {
    const { model, format } = await read(
      '# Title\n\n| Output | Score |\n|---|---|\n| 1. Training | A+ |\n\n* first\n* second\n',
      'x.md',
    );
    expect(format).toBe('markdown');
    expect(model.blocks.map((b) => b.type)).toEqual(['heading', 'table', 'list_item', 'list_item']);
    expect(rows(model.blocks)).toEqual([
      ['Output', 'Score'],
      ['1. Training', 'A+'],
    ]);
  });

  it('reads HTML ordered lists with their start number, and skips scripts', async () => {
    const { model } = await read(
      '<h1>T</h1><script>var x</script><ol start="4"><li>four</li><li>five</li></ol>',
      'x.html',
    );
    expect(model.blocks.filter((b) => b.type === 'list_item').map((b) => b.number)).toEqual([4, 5]);
    expect(model.text).not.toContain('var x');
  });

  it('decodes Latin-1 and UTF-16 text and says which encoding it was', async () => {
    const latin = await readDocument({
      bytes: Buffer.from('Évaluation à mi-parcours du projet.', 'latin1'),
      filename: 'a.txt',
    });
    expect(latin.model.text).toBe('Évaluation à mi-parcours du projet.');
    expect(latin.encoding).toMatch(/iso-8859-1|windows-1252/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Revisión anual', 'utf16le')]);
    const wide = await readDocument({ bytes: utf16, filename: 'b.txt' });
    expect(wide.model.text).toBe('Revisión anual');
    expect(wide.encoding).toBe('utf-16le');
  });
});
