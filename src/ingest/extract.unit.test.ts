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

  it('emits no score row for a year the table leaves blank (the year of the review itself)', async () => {
    const record = await extract(
      [
        'Annual Review Summary Sheet',
        '',
        'Year\t2015/16\t2016/17\t2017/18',
        'Programme Score\tA\tA+\t-',
        'Risk Rating\tMedium\tHigh\t-',
      ].join('\n'),
    );
    expect(record.score_history).toEqual([
      { period: '2015/16', score: 'A', risk: 'Medium' },
      { period: '2016/17', score: 'A+', risk: 'High' },
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

describe('background notes', () => {
  const note = () =>
    extractDocument(readFixture(path.join(FIXTURE_DOCUMENTS, 'background-note-ta-effectiveness.txt')));

  it('reads the date and place of the note from its dateline', async () => {
    const { record, text } = await note();
    expect(record.date).toBe('2006-04-24');
    expect(record.place).toBe('Vienna');
    const at = (key: string) => text.slice(record.provenance![key]!.start, record.provenance![key]!.end);
    expect(at('date')).toBe('24th April 2006');
    expect(at('place')).toBe('Vienna');
  });

  it('itemises the HEUNI checklist laid out in two table cells, each item with its number and span', async () => {
    const { record, text } = await note();
    expect(record.checklists).toHaveLength(1);
    const [checklist] = record.checklists!;
    expect(checklist).toMatchObject({ name: 'HEUNI checklist', paragraph: 9 });
    expect(checklist!.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(checklist!.items[0]).toEqual({ number: 1, text: 'Carry out a needs assessment' });
    expect(checklist!.items[1]!.text).toBe('Find out who else is working in the same area');
    expect(checklist!.items[9]!.text).toBe(
      'Familiarize yourself with the legal system and culture in the recipient country',
    );
    expect(checklist!.items[13]).toEqual({ number: 14, text: 'Be patient' });
    checklist!.items.forEach((item, n) => {
      const span = record.provenance![`checklists.0.items.${n}`]!;
      expect(text.slice(span.start, span.end)).toBe(item.text);
    });
  });

  it('itemises the principles of paragraph 27 by name, with their explanations, and no other list', async () => {
    const { record, text } = await note();
    expect(record.principles).toHaveLength(1);
    const [principles] = record.principles!;
    expect(principles).toMatchObject({ name: 'Key elements of a TA revitalization strategy', paragraph: 27 });
    expect(principles!.items.map((i) => i.text)).toEqual([
      'Holistic approaches',
      'Country-led programming',
      'Region-specific',
      'Broad and integrated',
      'Human rights based',
      'Building on existing strengths',
      'Favouring long-term assistance',
      'Participation of civil society',
      'Research-based, results-focused, monitoring and evaluation',
    ]);
    expect(principles!.items[0]!.description).toMatch(/^The need to support comprehensive approaches/);
    principles!.items.forEach((item, n) => {
      const name = record.provenance![`principles.0.items.${n}`]!;
      expect(text.slice(name.start, name.end)).toBe(item.text);
      const why = record.provenance![`principles.0.items.${n}.description`]!;
      expect(text.slice(why.start, why.end)).toBe(item.description);
    });
  });

  it('reads another layout: a labelled venue, a numbered checklist, and principles in a PDF in bold', async () => {
    const markdown = await extractDocument({
      filename: 'note.md',
      bytes: Buffer.from(
        [
          '# Background note: prison reform assistance',
          '',
          'Date: 3 March 2010',
          '',
          'Venue: Bangkok, Thailand',
          '',
          'Prepared by the Institute for a regional workshop.',
          '',
          '4. Before starting, donors should work through this checklist:',
          '',
          '1. Assess the needs of the prison service',
          '2. Map other donors',
          '3. Agree on indicators',
          '',
          '5. The workshop will discuss the checklist.',
        ].join('\n'),
      ),
    });
    expect(markdown.record).toMatchObject({ date: '2010-03-03', place: 'Bangkok, Thailand' });
    expect(markdown.record.checklists).toEqual([
      {
        name: 'Before starting, donors should work through this checklist',
        paragraph: 4,
        items: [
          { number: 1, text: 'Assess the needs of the prison service' },
          { number: 2, text: 'Map other donors' },
          { number: 3, text: 'Agree on indicators' },
        ],
      },
    ]);

    const pdf = await extractDocument({
      filename: 'note.pdf',
      bytes: makePdf([
        [
          'Background Note',
          '',
          '12 May 2011, Nairobi',
          '',
          'Technical assistance to the courts should follow these principles:',
          '',
          [{ text: 'Country ownership: ', bold: true }, { text: 'reforms are led by the country.' }],
          '',
          [{ text: 'Long-term: ', bold: true }, { text: 'support lasts beyond one budget cycle.' }],
        ],
      ]),
    });
    expect(pdf.record).toMatchObject({ date: '2011-05-12', place: 'Nairobi' });
    expect(pdf.record.principles?.[0]?.items).toEqual([
      { text: 'Country ownership', description: 'reforms are led by the country.' },
      { text: 'Long-term', description: 'support lasts beyond one budget cycle.' },
    ]);
  });
});
