// Search results a reader can take in, with known answers: snippets cut at sentences or words with
// an ellipsis, accented and unaccented forms of a query's words highlighted, recommendation titles
// cut at a word, and each hit dated by its record's own date, never the day it was imported.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { highlight, shapeSnippet } from './snippet-shape.ts';

const MARKS = { start: '[', end: ']', apart: '|' };
const FILLER = 'The programme held workshops with local partners in the capital. ';

describe('snippets shaped for reading (known answers, no database)', () => {
  it('widens a passage to its sentence and marks where the text goes on', () => {
    const source = `… ${FILLER}Judges heard [cases] of fraud. ${FILLER.repeat(3)}…`.replace(
      '[cases]',
      'cases',
    );
    expect(shapeSnippet('Judges heard [cases] of', source, ['cases'], MARKS)).toBe(
      '… Judges heard <mark>cases</mark> of fraud. …',
    );
  });

  it('cuts a long sentence at a word, never inside one, with an ellipsis', () => {
    const long = `Judges ${'and prosecutors '.repeat(20)}heard cases ${'over several months '.repeat(10)}in the end.`;
    const snippet = shapeSnippet(
      'prosecutors and prosecutors heard [cases] over several',
      long,
      ['cases'],
      MARKS,
    );
    expect(snippet).toBe('… prosecutors and prosecutors heard <mark>cases</mark> over several …');
  });

  it('joins two passages with one ellipsis and starts a text with no passage at its first words', () => {
    const source = `Alpha one. ${FILLER.repeat(4)}Omega [two] ends here.`.replace('[two]', 'two');
    expect(shapeSnippet('Alpha one.|Omega [two] ends', source, ['two'], MARKS)).toBe(
      'Alpha one. … Omega <mark>two</mark> ends here.',
    );
    const plain = shapeSnippet(null, FILLER.repeat(5), [], MARKS);
    expect(plain).toBe(`${FILLER.repeat(4).trim()} …`);
  });

  it('highlights a word with or without its accents, and only whole words', () => {
    const words = new Set(['corrupcion']);
    expect(highlight('La corrupción y la corrupcion, no la corruption.', words)).toBe(
      'La <mark>corrupción</mark> y la <mark>corrupcion</mark>, no la corruption.',
    );
    expect(highlight('Anticorrupción <b>', words)).toBe('Anticorrupción &lt;b&gt;');
  });
});

describe('search hits on real records', () => {
  let t: TestApp;
  let editor: TestMember;
  const search = async (q: string) => {
    const res = await t.request('GET', `/api/v1/search?${q}`, { token: editor.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as { kind: string; title: string; snippet: string; date: string | null }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    editor = (await buildOrgWithEditor(t.db)).editor;
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await t.request('POST', path, { token: editor.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const project = await post('/api/v1/projects', {
      title: 'Fiscalías andinas',
      language: 'es',
      description: `${FILLER.repeat(10)}Los fiscales investigaron casos de corrupción en la región andina durante tres años. ${FILLER.repeat(10)}`,
      visibility: 'network',
    });
    await post('/api/v1/projects', {
      title: 'Registro sin acentos',
      language: 'es',
      description: 'Informe breve sobre la corrupcion judicial.',
      visibility: 'network',
    });
    await post('/api/v1/meetings', {
      project_id: project,
      title: 'Quokka coordination meeting',
      held_on: '2014-05-20',
      visibility: 'network',
    });
    await post('/api/v1/recommendations', {
      project_id: project,
      text: `Quokka rangers should ${'coordinate patrols with the regional authorities and '.repeat(4)}report yearly.`,
      issued_on: '2016-02-11',
      visibility: 'network',
    });
    await post('/api/v1/lessons', {
      project_id: project,
      text: 'Quokka counts need two observers.',
      visibility: 'network',
    });
    const bytes = fs.readFileSync(path.join(DOCUMENTS_DIR, 'annual-review-peru-colombia-soc.txt'));
    const doc = await uploadFile(t, 'review.txt', bytes, {
      token: editor.token,
      fields: { visibility: 'network' },
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
  });
  afterAll(() => t.close());

  it('cuts a snippet at sentences with an ellipsis, and highlights an accented query in both forms', async () => {
    const hits = await search(`q=${encodeURIComponent('corrupción')}&kind=project`);
    const byTitle = Object.fromEntries(hits.map((h) => [h.title, h.snippet]));
    expect(byTitle['Fiscalías andinas']).toMatch(
      /^… (.+ )?Los fiscales investigaron casos de <mark>corrupción<\/mark> en la región andina durante tres años\. (.+ )?…$/,
    );
    expect(byTitle['Fiscalías andinas']).toMatch(/(^… |\. )Los fiscales/);
    expect(byTitle['Registro sin acentos']).toBe('Informe breve sobre la <mark>corrupcion</mark> judicial.');
  });

  it('titles a long recommendation with its words up to an ellipsis', async () => {
    const [hit] = await search('q=quokka&kind=recommendation');
    expect(hit!.title).toBe(
      `Quokka rangers should ${'coordinate patrols with the regional authorities and '.repeat(2)}coordinate patrols with the…`,
    );
    expect(hit!.title.length).toBeLessThanOrEqual(161);
  });

  it('dates each hit by its record’s own date, and leaves undated ones without', async () => {
    const hits = await search('q=quokka&sort=date');
    const dateOf = (kind: string) => hits.find((h) => h.kind === kind)?.date;
    expect(dateOf('meeting')).toBe('2014-05-20');
    expect(dateOf('recommendation')).toBe('2016-02-11');
    expect(dateOf('lesson')).toBeNull();
    const [review] = await search('q=colombia&kind=document');
    // The annual review covers April 2015 to March 2020: its date is the end of that period.
    expect(review!.date).toBe('2020-03-01');
  });
});
