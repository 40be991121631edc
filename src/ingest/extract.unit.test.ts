// The fixtures through the whole pipeline, every format, asserting the values of the expected
// records (../shared/fixtures/documents/expected); then synthetic variants of the same family.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRecord, type ExpectedRecord } from './evaluation/compare.ts';
import { extractDocument } from './extract.ts';
import { createRegistryResolver } from './recognise/organisations.ts';
import { makePdf } from './testing/files.ts';
import { FIXTURE_DOCUMENTS, fixtureFormats, readFixture } from './testing/fixtures.ts';

const expectedDir = path.join(FIXTURE_DOCUMENTS, 'expected');
const cases = fs
  .readdirSync(expectedDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const expected = JSON.parse(fs.readFileSync(path.join(expectedDir, f), 'utf8')) as ExpectedRecord;
    return fixtureFormats(f.replace(/\.json$/, '')).map((file) => ({
      name: path.relative(FIXTURE_DOCUMENTS, file),
      file,
      expected,
    }));
  });

describe.each(cases)('$name', ({ file, expected }) => {
  it('extracts every expected value', async () => {
    const result = await extractDocument(readFixture(file));
    const missed = compareRecord(expected, result.record).flatMap((s) =>
      s.fn ? s.notes.map((n) => `${s.field}: ${n}`) : [],
    );
    expect(missed).toEqual([]);
  });

  it('gives a span into the text for every value and a confidence per field', async () => {
    const { record, text, confidence } = await extractDocument(readFixture(file));
    const provenance = record.provenance ?? {};
    if (record.title) {
      const quoted = text
        .slice(provenance.title!.start, provenance.title!.end)
        .replace(/\s+/g, ' ')
        .toLowerCase();
      expect(quoted).toContain(record.title.slice(0, 20).toLowerCase());
    }
    for (const [i, rec] of (record.recommendations ?? []).entries()) {
      const span = provenance[`recommendations.${i}`]!;
      expect(text.slice(span.start, span.end)).toBe(rec.text);
    }
    for (const [i, code] of (record.countries ?? []).entries()) {
      const span = provenance[`countries.${i}`]!;
      expect(text.slice(span.start, span.end).length, code).toBeGreaterThan(1);
    }
    for (const span of Object.values(provenance)) expect(span.end).toBeLessThanOrEqual(text.length);
    for (const value of Object.values(confidence)) expect(value).toBeGreaterThanOrEqual(0);
    expect(confidence.kind).toBeGreaterThan(0.5);
  });
});

describe('annual reviews laid out differently', () => {
  const extract = async (text: string) =>
    (await extractDocument({ bytes: Buffer.from(text), filename: 'review.txt' })).record;

  it('reads full dates, ongoing end, several budget lines and a regional programme', async () => {
    const record = await extract(
      [
        'Annual Review – Summary Sheet',
        '',
        'Programme Title: Regional Anti-Corruption Programme\t',
        'Country/Region:\tMultiple/Regional\t',
        'Total Budget:\tODA: £1.935m\tNon-ODA: $705k\t',
        'Start date: 1 June 2015\tEnd date: Ongoing\t',
        'Outputs\tScore\t',
        'Output 1: Training delivered to prosecutors\tA++\t',
        'Output 2: Asset recovery cases supported\tC\t',
        'Outcome Score: B\tRisk: Major\t',
      ].join('\n'),
    );
    expect(record.kind).toBe('annual_review');
    expect(record.regions).toEqual(['Multiple/Regional']);
    expect(record.countries ?? []).toEqual([]);
    expect(record.budget).toEqual([
      { amount: 1935000, currency: 'GBP', category: 'ODA' },
      { amount: 705000, currency: 'USD', category: 'non-ODA' },
    ]);
    expect(record.period).toEqual({ start: '2015-06-01', end: null, ongoing: true });
    expect(record.outputs?.map((o) => [o.number, o.title, o.score])).toEqual([
      [1, 'Training delivered to prosecutors', 'A++'],
      [2, 'Asset recovery cases supported', 'C'],
    ]);
    expect(record.outcome?.score).toBe('B');
    expect(record.risk_rating).toBe('Major');
  });

  it('takes bullet lists and bold country paragraphs the same as numbered ones under headings', async () => {
    const record = await extract(
      [
        '# Annual Review',
        '',
        'Programme title: Andean Justice\t',
        'Country/Region:\tBolivia, Ecuador\t',
        'Budget:\tGBP 16,000,000\t',
        '',
        'Summary of recommendations for the next year',
        '',
        '**Bolivia**',
        '',
        '• Strengthen the prosecution service.',
        '• Support the courts.',
        '',
        '**Ecuador**',
        '',
        'a) Review the police training curriculum.',
      ].join('\n'),
    );
    expect(record.countries).toEqual(['BO', 'EC']);
    expect(record.budget).toEqual([{ amount: 16000000, currency: 'GBP' }]);
    expect(record.recommendations).toEqual([
      { text: 'Strengthen the prosecution service.', country: 'BO' },
      { text: 'Support the courts.', country: 'BO' },
      { text: 'Review the police training curriculum.', country: 'EC' },
    ]);
  });

  it('finds the lead partner set in bold in a PDF as in text, and none in the fixture twins', async () => {
    const text = [
      'Annual Review - Summary Sheet',
      '',
      'Programme Title: Andean Justice\t',
      'Country/Region:\tBolivia\t',
      '<b>HMG Partners (LEAD in bold)</b>\tNational Crime Agency (NCA), <b>Crown Prosecution Service</b>\t',
    ].join('\n');
    const pdf = makePdf([
      [
        'Annual Review - Summary Sheet',
        '',
        'Programme Title: Andean Justice',
        '',
        [{ text: 'Country/Region:' }, { text: 'Bolivia', x: 250 }],
        '',
        [
          { text: 'HMG Partners (LEAD in bold)', bold: true },
          { text: 'National Crime Agency (NCA), ', x: 250 },
          { text: 'Crown Prosecution Service', bold: true },
        ],
      ],
    ]);
    const roles = async (bytes: Buffer, filename: string) =>
      (await extractDocument({ bytes, filename })).record.organisations?.map((o) => [o.name, o.role]);
    const expected = [
      ['National Crime Agency', 'partner'],
      ['Crown Prosecution Service', 'lead'],
    ];
    expect(await roles(Buffer.from(text), 'review.txt')).toEqual(expected);
    expect(await roles(pdf, 'review.pdf')).toEqual(expected);
    const twins = await Promise.all(
      fixtureFormats('annual-review-peru-colombia-soc').map((f) =>
        roles(readFixture(f).bytes, path.basename(f)),
      ),
    );
    for (const twin of twins) expect(twin).toEqual(twins[0]);
    expect(twins[0]?.every(([, role]) => role === 'partner')).toBe(true);
  });

  it('reads a transposed score table with mixed marks', async () => {
    const record = await extract(
      [
        'Annual Review Summary Sheet',
        '',
        'Year\tScore\tRisk',
        '2014/15\tB+/A\tHigh',
        '2015-16\tA+\tMedium',
      ].join('\n'),
    );
    expect(record.score_history).toEqual([
      { period: '2014/15', score: 'B+/A', risk: 'High' },
      { period: '2015/16', score: 'A+', risk: 'Medium' },
    ]);
  });
});

describe('recognition', () => {
  it('finds countries by Spanish and French names and by demonym', async () => {
    const { record } = await extractDocument({
      bytes: Buffer.from(
        'Informe. El gobierno colombiano y la Fiscalía de Perú trabajan con México. Le Pérou et la Colombie.',
      ),
      filename: 'nota.txt',
    });
    expect(record.countries).toEqual(['CO', 'PE', 'MX']);
  });

  it('resolves organisations through the resolver it is given, marking unknown ones as proposed', async () => {
    const resolver = createRegistryResolver([
      { id: 'org-nca', name: 'National Crime Agency', acronym: 'NCA' },
    ]);
    const file = fixtureFormats('annual-review-peru-colombia-soc')[0]!;
    const { record } = await extractDocument(readFixture(file), { resolver });
    expect(record.organisations).toEqual([
      { name: 'National Crime Agency', acronym: 'NCA', role: 'partner', id: 'org-nca' },
      { name: 'Foreign and Commonwealth Office', acronym: 'FCO', role: 'partner', proposed: true },
      { name: 'Crown Prosecution Service', acronym: 'CPS', role: 'partner', proposed: true },
    ]);
    expect(resolver.resolve({ name: 'NCA' })).toBe('org-nca');
    expect(resolver.resolve({ name: 'the national crime agency' })).toBe('org-nca');
  });

  it('extracts the background note author, date and instruments', async () => {
    const { record } = await extractDocument(
      readFixture(path.join(FIXTURE_DOCUMENTS, 'background-note-ta-effectiveness.txt')),
    );
    expect(record.kind).toBe('background_note');
    expect(record.title).toBe(
      'Maximizing the effectiveness of technical assistance provided by Member States in crime prevention and criminal justice',
    );
    expect(record.people?.[0]?.name).toBe('Margaret Shaw');
    expect(record.organisations).toContainEqual(expect.objectContaining({ acronym: 'ICPC', role: 'author' }));
    expect(record.period?.start).toBe('2006-04-24');
    expect(record.instruments_mentioned).toEqual(
      expect.arrayContaining(['HEUNI checklist', 'Criminal Justice Assessment Toolkit']),
    );
  });
});
