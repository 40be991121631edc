// Confirming drafts through the API: the fixtures' values end up in projects, reviews,
// evaluations, recommendations, lessons and meetings; corrections win over the draft; a second
// confirmation is refused; a refusal half-way leaves nothing stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(path.join(DOCUMENTS_DIR, name));
const expected = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(DOCUMENTS_DIR, 'expected', `${name}.json`), 'utf8'));

type Item = Record<string, unknown> & { id: string };

describe('confirming drafts', () => {
  let t: TestApp;
  let owner: TestMember;
  let ncaId: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    ncaId = (await buildOrganisation(t.db, { name: 'National Crime Agency', acronym: 'NCA' })).id;
  });
  afterAll(() => t.close());

  const upload = async (file: string, bytes = fixture(file)) => {
    const res = await uploadFile(t, path.basename(file), bytes, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const confirm = (id: string, body: Record<string, unknown>) =>
    t.request('POST', `/api/v1/documents/${id}/confirm`, {
      token: owner.token,
      body: { version: 1, ...body },
    });
  const list = async (resource: string, query: string): Promise<Item[]> =>
    (await t.request('GET', `/api/v1/${resource}?limit=200&${query}`, { token: owner.token })).body.items;
  const count = async (resource: string) => (await list(resource, '')).length;

  it('turns the annual review PDF into a project with its reviews and recommendations', async () => {
    const doc = await upload('formats/annual-review-peru-colombia-soc.pdf');
    const res = await confirm(doc.id, {
      record: doc.draft.record,
      organisations: [
        { name: 'Crown Prosecution Service', acronym: 'CPS', action: 'create', type: 'donor_government' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { confirmation } = res.body;
    expect(confirmation.project.action).toBe('created');
    expect(confirmation.created.organisations).toHaveLength(1);
    expect(confirmation.organisations_left_out).toEqual(['Foreign and Commonwealth Office']);
    expect(res.body.document).toMatchObject({
      status: 'confirmed',
      project_id: confirmation.project.id,
      version: 2,
    });

    const want = expected('annual-review-peru-colombia-soc');
    const project = (
      await t.request('GET', `/api/v1/projects/${confirmation.project.id}`, { token: owner.token })
    ).body;
    expect(project).toMatchObject({
      title: want.title,
      period: { start: '2015-04', end: '2020-03', ongoing: false },
      budget: [{ amount: 2300000, currency: 'GBP', category: 'ODA' }],
      outcome: want.outcome,
      visibility: 'owner',
      owner_org: { id: owner.orgId },
    });
    expect(project.countries.map((c: { code: string }) => c.code).sort()).toEqual(['CO', 'PE']);
    expect(project.outputs.map((o: { number: number; score: string }) => [o.number, o.score])).toEqual(
      want.outputs.map((o: { number: number; score: string }) => [o.number, o.score]),
    );
    expect(project.themes).toEqual(expect.arrayContaining(want.themes_include));
    expect(project.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ org_id: ncaId, role: 'partner' }),
        expect.objectContaining({ name: 'Crown Prosecution Service', role: 'partner' }),
      ]),
    );

    const reviews = await list('reviews', `project_id=${project.id}`);
    const byPeriod = Object.fromEntries(reviews.map((r) => [r.period_label, r]));
    expect(Object.keys(byPeriod).sort()).toEqual(['2015/16', '2016/17']);
    expect(byPeriod['2015/16']).toMatchObject({
      overall_score: 'A/B',
      risk_rating: 'Medium',
      scale: 'uk_annual_review',
    });
    expect(byPeriod['2016/17']).toMatchObject({
      overall_score: 'A',
      outcome_score: 'A',
      risk_rating: 'Medium',
      period_start: '2016-04-01',
      period_end: '2017-03-31',
      document_id: doc.id,
    });
    expect(byPeriod['2016/17']!.output_scores).toHaveLength(5);
    expect((byPeriod['2016/17']!.progress as unknown[]).length).toBe(5);

    const recs = await list('recommendations', `project_id=${project.id}`);
    expect(recs).toHaveLength(6);
    const ordered = recs.sort((a, b) => Number(a.number) - Number(b.number));
    ordered.forEach((r, i) => {
      expect(r).toMatchObject({ source_type: 'review', source_id: byPeriod['2016/17']!.id, status: 'open' });
      expect(r.country).toBe(want.recommendations[i].country);
      expect(String(r.text).startsWith(want.recommendations[i].starts_with)).toBe(true);
    });

    // The same review as HTML is another file, but the same project, year and recommendations.
    const html = await upload('formats/annual-review-peru-colombia-soc.html');
    const again = await confirm(html.id, { record: html.draft.record });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.confirmation).toMatchObject({
      project: { id: project.id, action: 'updated' },
      created: { reviews: [], recommendations: [] },
      updated: { reviews: [byPeriod['2016/17']!.id] },
    });
    expect(await list('reviews', `project_id=${project.id}`)).toHaveLength(2);
    expect(await list('recommendations', `project_id=${project.id}`)).toHaveLength(6);
  });

  it('turns the evaluation brief .docx into an evaluation with recommendations and lessons, and refuses a second confirmation', async () => {
    const doc = await upload('formats/evaluation-brief-xcax75.docx');
    const res = await confirm(doc.id, { record: doc.draft.record, visibility: 'network' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const projectId = res.body.confirmation.project.id;
    const project = (await t.request('GET', `/api/v1/projects/${projectId}`, { token: owner.token })).body;
    expect(project).toMatchObject({
      code: 'XCAX75',
      visibility: 'network',
      period: { start: '2016-04', end: '2018-03' },
    });
    expect(project.regions).toEqual([expect.objectContaining({ name: 'Central America' })]);
    expect(project.countries).toHaveLength(8);

    const [evaluation] = await list('evaluations', `project_id=${projectId}`);
    expect(evaluation).toMatchObject({
      type: 'final',
      independent: true,
      evaluators: ['María Elena Paz Manzano'],
      field_missions: ['SV', 'PA'],
      stakeholders_total: 50,
      stakeholders_female: 33,
      stakeholders_male: 17,
      document_id: doc.id,
    });
    expect((evaluation!.findings as { criterion: string }[]).map((f) => f.criterion)).toEqual(
      expect.arrayContaining(
        expected('evaluation-brief-xcax75').findings.map((f: { criterion: string }) => f.criterion),
      ),
    );
    const recs = (await list('recommendations', `project_id=${projectId}`)).sort(
      (a, b) => Number(a.number) - Number(b.number),
    );
    expect(recs.map((r) => [r.number, r.category, r.source_type, r.source_id])).toEqual([
      [1, 'Design', 'evaluation', evaluation!.id],
      [2, 'Design', 'evaluation', evaluation!.id],
      [3, 'Training Methodology', 'evaluation', evaluation!.id],
      [4, 'Strategies', 'evaluation', evaluation!.id],
    ]);
    const lessons = await list('lessons', `project_id=${projectId}`);
    expect(lessons).toHaveLength(4);
    expect(lessons.every((l) => l.source_id === evaluation!.id)).toBe(true);

    const again = await confirm(doc.id, { record: doc.draft.record, version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_confirmed');
    expect(await list('evaluations', `project_id=${projectId}`)).toHaveLength(1);

    // The same brief in another format updates the project by its code instead of duplicating it.
    const txt = await upload('evaluation-brief-xcax75.txt');
    const second = await confirm(txt.id, { record: txt.draft.record });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.confirmation.project).toEqual({ id: projectId, action: 'updated' });
    expect(second.body.confirmation.updated.evaluations).toEqual([evaluation!.id]);
    expect(await list('evaluations', `project_id=${projectId}`)).toHaveLength(1);
    expect(await list('recommendations', `project_id=${projectId}`)).toHaveLength(4);
    expect(await list('lessons', `project_id=${projectId}`)).toHaveLength(4);
  });

  it('stores the corrected values, not the extracted ones', async () => {
    const doc = await upload(
      'annual-review-peru-colombia-soc.txt',
      Buffer.concat([fixture('annual-review-peru-colombia-soc.txt'), Buffer.from('\n')]),
    );
    const record = {
      ...doc.draft.record,
      title: 'Andean Serious and Organised Crime Programme',
      countries: ['PE', 'EC'],
    };
    const res = await confirm(doc.id, { record });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const project = (
      await t.request('GET', `/api/v1/projects/${res.body.confirmation.project.id}`, { token: owner.token })
    ).body;
    expect(project.title).toBe('Andean Serious and Organised Crime Programme');
    expect(project.countries.map((c: { code: string }) => c.code).sort()).toEqual(['EC', 'PE']);
    const extraction = await t.request('GET', `/api/v1/documents/${doc.id}/extraction`, {
      token: owner.token,
    });
    expect(extraction.body.status).toBe('confirmed');
    expect(extraction.body.draft.record.title).toBe('Peru/Colombia Serious and Organised Crime (SOC)');
    expect(extraction.body.confirmation.project.id).toBe(project.id);
    // Reopened, the document shows what was stored, corrections included, beside the original draft.
    expect(extraction.body.confirmed_record).toMatchObject({
      title: 'Andean Serious and Organised Crime Programme',
      countries: ['PE', 'EC'],
    });
  });

  it('names the record field a value is refused for, and stores nothing when a step fails half-way', async () => {
    const doc = await upload(
      'annual-review-peru-colombia-soc.txt',
      Buffer.concat([fixture('annual-review-peru-colombia-soc.txt'), Buffer.from('\n\n')]),
    );
    const before = {
      projects: await count('projects'),
      reviews: await count('reviews'),
      recommendations: await count('recommendations'),
      organisations: (await t.request('GET', '/api/v1/organisations?limit=200&q=Crown%20Prosecution')).body
        .items.length,
    };
    const badScore = await confirm(doc.id, {
      record: { ...doc.draft.record, outputs: [{ number: 1, title: 'Law Enforcement', score: 'Z' }] },
    });
    expect(badScore.status).toBe(422);
    expect(badScore.body.error.details[0].field).toBe('record.outputs.0.score');

    const notAKind = await confirm(doc.id, { record: { ...doc.draft.record, countries: ['Peru'] } });
    expect(notAKind.status).toBe(422);
    expect(notAKind.body.error.details[0].field).toMatch(/record\.countries\.0/);

    // The project, the reviews and a proposed organisation are written before the last
    // recommendation is refused: the whole confirmation is rolled back.
    const recommendations = [...doc.draft.record.recommendations];
    recommendations[5] = { ...recommendations[5], country: 'XX' };
    const halfWay = await confirm(doc.id, {
      record: { ...doc.draft.record, title: 'Half-way Programme', recommendations },
      organisations: [
        { name: 'Foreign and Commonwealth Office', action: 'create', type: 'donor_government' },
      ],
    });
    expect(halfWay.status).toBe(422);
    expect(halfWay.body.error.details[0].field).toBe('record.recommendations.5.country');
    expect({
      projects: await count('projects'),
      reviews: await count('reviews'),
      recommendations: await count('recommendations'),
      organisations: (await t.request('GET', '/api/v1/organisations?limit=200&q=Crown%20Prosecution')).body
        .items.length,
    }).toEqual(before);
    expect(
      (await t.request('GET', '/api/v1/organisations?q=Foreign%20and%20Commonwealth')).body.items,
    ).toEqual([]);
    const extraction = await t.request('GET', `/api/v1/documents/${doc.id}/extraction`, {
      token: owner.token,
    });
    expect(extraction.body).toMatchObject({
      status: 'extracted',
      version: 1,
      confirmation: null,
      confirmed_record: null,
    });

    const stale = await confirm(doc.id, { record: doc.draft.record, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('turns the meeting report into a meeting linked to the project it names', async () => {
    const crimjust = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title: 'Global Programme against Cocaine Trafficking', code: 'CRIMJUST' },
    });
    const doc = await upload('meeting-report-crimjust-integrity.txt');
    const res = await confirm(doc.id, { record: doc.draft.record });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.confirmation.project).toBeNull();
    expect(res.body.document.project_id).toBe(crimjust.body.id);
    const [meeting] = await list('meetings', `project_id=${crimjust.body.id}`);
    const want = expected('meeting-report-crimjust-integrity');
    expect(meeting).toMatchObject({
      title: want.title,
      figures: want.figures,
      instruments_mentioned: want.instruments_mentioned,
      document_id: doc.id,
    });
    expect(meeting!.regions).toEqual(want.regions);
    expect((meeting!.people as { name: string }[]).map((p) => p.name)).toEqual(
      want.people.map((p: { name: string }) => p.name),
    );
    expect(meeting!.projects_mentioned).toEqual([
      { name: 'CRIMJUST', project_id: crimjust.body.id, period: { start: '2016', end: '2020' } },
    ]);
    const orgs = meeting!.organisations as { name: string; role: string }[];
    expect(orgs.map((o) => o.name).sort()).toEqual(
      want.organisations.map((o: { name: string }) => o.name).sort(),
    );
    expect(orgs.find((o) => o.name === 'European Union')?.role).toBe('funder');
  });
});
