// An upload comes back with its draft: the extraction record with provenance, confidence per field,
// the kind, and each organisation matched to the registry or proposed. Drafts are as private as
// their documents.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(path.join(DOCUMENTS_DIR, name));

describe('document drafts', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let ncaId: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    ncaId = (await buildOrganisation(t.db, { name: 'National Crime Agency', acronym: 'NCA' })).id;
  });
  afterAll(() => t.close());

  it('extracts the annual review on upload and returns the draft with provenance, confidence and resolved organisations', async () => {
    const res = await uploadFile(t, 'review.pdf', fixture('formats/annual-review-peru-colombia-soc.pdf'), {
      token: owner.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'annual_review', status: 'extracted', duplicate: false });
    const { draft } = res.body;
    expect(draft.kind).toBe('annual_review');
    expect(draft.kind_confidence).toBeGreaterThan(0.5);
    expect(draft.record).toMatchObject({
      title: 'Peru/Colombia Serious and Organised Crime (SOC)',
      countries: ['PE', 'CO'],
      period: { start: '2015-04', end: '2020-03' },
      budget: [{ amount: 2300000, currency: 'GBP', category: 'ODA' }],
      risk_rating: 'Medium',
    });
    expect(draft.confidence.title).toBeGreaterThan(0);
    // Provenance points into the stored text.
    const doc = await t.request('GET', `/api/v1/documents/${res.body.id}`, { token: owner.token });
    const span = draft.record.provenance.title;
    expect(doc.body.text.slice(span.start, span.end)).toContain('Peru/Colombia');
    // "NCA" and "National Crime Agency" are one registered organisation; the others are proposed.
    const orgs = draft.record.organisations;
    expect(orgs.find((o: { acronym: string }) => o.acronym === 'NCA')).toMatchObject({ id: ncaId });
    expect(orgs.find((o: { acronym: string }) => o.acronym === 'CPS')).toMatchObject({ proposed: true });
    expect(res.body.title).toBe('Peru/Colombia Serious and Organised Crime (SOC)');
  });

  it('gives the draft again, and the same draft for the same file uploaded again', async () => {
    const bytes = fixture('evaluation-brief-xcax75.txt');
    const first = await uploadFile(t, 'brief.txt', bytes, { token: owner.token });
    const again = await t.request('GET', `/api/v1/documents/${first.body.id}/extraction`, {
      token: owner.token,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      document_id: first.body.id,
      status: 'extracted',
      version: 1,
      confirmation: null,
    });
    expect(again.body.draft).toEqual(first.body.draft);
    expect(again.body.draft.record.evaluation.stakeholders).toEqual({ total: 50, female: 33, male: 17 });
    const duplicate = await uploadFile(t, 'brief-again.txt', bytes, { token: owner.token });
    expect(duplicate.status).toBe(200);
    expect(duplicate.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(duplicate.body.draft).toEqual(first.body.draft);
  });

  it('keeps the draft of an owner-only document from other organisations and anonymous visitors', async () => {
    const res = await uploadFile(t, 'meeting.txt', fixture('meeting-report-crimjust-integrity.txt'), {
      token: owner.token,
    });
    expect(res.body.draft.kind).toBe('meeting_report');
    const path = `/api/v1/documents/${res.body.id}/extraction`;
    expect((await t.request('GET', path, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', path)).status).toBe(404);
    const confirm = await t.request('POST', `/api/v1/documents/${res.body.id}/confirm`, {
      token: outsider.token,
      body: { record: res.body.draft.record, version: 1 },
    });
    expect(confirm.status).toBe(404);
    expect((await t.request('GET', path, { token: owner.token })).body.status).toBe('extracted');
  });

  it('lets a network member read a shared draft but not confirm it', async () => {
    const res = await uploadFile(t, 'brief.pdf', fixture('formats/evaluation-brief-xcax75.pdf'), {
      token: owner.token,
      fields: { visibility: 'network' },
    });
    const path = `/api/v1/documents/${res.body.id}`;
    expect((await t.request('GET', `${path}/extraction`, { token: outsider.token })).status).toBe(200);
    const confirm = await t.request('POST', `${path}/confirm`, {
      token: outsider.token,
      body: { record: res.body.draft.record, version: 1 },
    });
    expect(confirm.status).toBe(403);
    expect((await t.request('GET', `${path}/extraction`, { token: owner.token })).body.status).toBe(
      'extracted',
    );
  });

  it('offers the closest registered organisations for each proposed one, and none once confirmed', async () => {
    const opp = await buildOrganisation(t.db, { name: 'Office of the Public Prosecutor', acronym: 'OPP' });
    // Written for this test: a review naming a registered body (NCA), one spelt otherwise, and one
    // the registry has nothing like.
    const text = [
      'Annual Review',
      'Title: Support to Prosecution Services',
      'The project is implemented in Moldova with the Office of Public Prosecutions (OPPS), the NCA',
      'and the Ministry of Internal Affairs.',
    ].join('\n');
    const doc = await uploadFile(t, 'review.txt', Buffer.from(text), { token: owner.token });
    const names: { name: string; id?: string }[] = doc.body.draft.record.organisations;
    const at = (name: string) => names.findIndex((o) => o.name === name);
    expect(names[at('National Crime Agency')]?.id).toBe(ncaId);
    const path = `/api/v1/documents/${doc.body.id}/extraction`;
    const { organisation_suggestions: suggestions } = (await t.request('GET', path, { token: owner.token }))
      .body;
    const forName = (name: string) => suggestions.find((s: { index: number }) => s.index === at(name));
    expect(forName('Office of Public Prosecutions').candidates[0]).toMatchObject({
      id: opp.id,
      name: 'Office of the Public Prosecutor',
      acronym: 'OPP',
      reason: 'acronym_of',
    });
    // A matched organisation needs no suggestion; one like nothing registered gets none.
    expect(forName('National Crime Agency')).toBeUndefined();
    expect(forName('Ministry of Internal Affairs')).toBeUndefined();
    const confirmed = await t.request('POST', `/api/v1/documents/${doc.body.id}/confirm`, {
      token: owner.token,
      body: { record: doc.body.draft.record, version: 1 },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await t.request('GET', path, { token: owner.token })).body.organisation_suggestions).toEqual([]);
  });
});
