// An IATI upload writes only for the organisation it is made for: under publisher refs a network
// administrator verified for it, or into projects it owns. A forged file changes nothing of
// another organisation's project and is reported per activity, the same way whether that project
// is visible to the uploader or hidden.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { IATI_DIR } from '../../test/support/fixtures.ts';
import { importIatiUpload, startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';
import { sql } from '../db/sql.ts';

const MX = path.join(IATI_DIR, 'usaid/usaid-mx.xml.gz');
const TARGET = 'US-GOV-1-AID-523-LA-11-00001';

/** The real activities of the USAID Mexico file, as the file has them. */
const activities = (gunzipSync(fs.readFileSync(MX))
  .toString('utf8')
  .match(/<iati-activity [\s\S]*?<\/iati-activity>/g) ?? []) as string[];
const fileOf = (items: string[]) =>
  `<iati-activities version="2.03">\n${items.join('\n')}\n</iati-activities>\n`;
const target = activities.find((a) => a.includes(`<iati-identifier>${TARGET}</iati-identifier>`))!;

/** The target activity as a forger would send it: newer, another title, another country. */
function forged(reportingRef = 'US-GOV-1') {
  return target
    .replace(/last-updated-datetime="[^"]*"/, 'last-updated-datetime="2099-01-01T00:00:00Z"')
    .replace(/(<title>\s*<narrative[^>]*>)[^<]*/, '$1Forged title')
    .replaceAll('code="MX"', 'code="KP"')
    .replace(/<reporting-org ref="[^"]*"/, `<reporting-org ref="${reportingRef}"`);
}

describe('IATI uploads write only for their organisation', () => {
  let app: TestApp;
  let usaid: TestMember;
  let forger: TestMember;
  let networkAdmin: TestMember;

  const upload = (member: TestMember, name: string, xml: string, fields: Record<string, string> = {}) =>
    importIatiUpload(app, member.token, { name, bytes: Buffer.from(xml), fields });

  const targetProject = async () =>
    (
      await app.db.query<{ title: string; version: number; owner_org_id: string; countries: string[] }>(sql`
        SELECT title, version, owner_org_id,
          ARRAY(SELECT country FROM project_countries c WHERE c.project_id = p.id ORDER BY country) AS countries
        FROM projects p WHERE iati_identifier = ${TARGET}`)
    )[0];

  beforeAll(async () => {
    app = await startTestApp();
    usaid = (await buildOrgWithEditor(app.db)).editor;
    forger = (await buildOrgWithEditor(app.db)).editor;
    networkAdmin = (await buildOrgWithEditor(app.db)).editor;
    await setNetworkAdmin(app.db, networkAdmin.email, true);
    const verified = await app.request('POST', `/api/v1/organisations/${usaid.orgId}/publisher-refs`, {
      token: networkAdmin.token,
      body: { ref: 'US-GOV-1' },
    });
    expect(verified.status).toBe(201);
    const job = await upload(usaid, 'usaid-mx-part.xml', fileOf(activities.slice(0, 8).concat(target)));
    expect(job).toMatchObject({ status: 'done', created: 9, rejected: 0 });
  });
  afterAll(() => app.close());

  it('creates an upload’s activities for the uploading organisation under its verified ref', async () => {
    const p = await targetProject();
    expect(p).toMatchObject({ owner_org_id: usaid.orgId, countries: ['MX'], version: 1 });
    expect(p?.title).not.toBe('Forged title');
  });

  it('writes nothing of a forged newer copy of another organisation’s activity, and says so', async () => {
    const before = await targetProject();
    const job = await upload(forger, 'forged-mx.xml', fileOf([forged()]));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
    expect(job.issues).toHaveLength(1);
    expect(job.issues[0]).toMatchObject({ file: 'forged-mx.xml', identifier: TARGET, severity: 'error' });
    expect(job.issues[0].message).toMatch(/^not written: /);
    expect(await targetProject()).toEqual(before);
    expect(before).toMatchObject({ countries: ['MX'] });
  });

  it('answers a hidden project’s identifier exactly as one nobody holds', async () => {
    await app.db.query(sql`UPDATE projects SET visibility = 'owner' WHERE iati_identifier = ${TARGET}`);
    try {
      const before = await targetProject();
      const hidden = await upload(forger, 'forged-hidden.xml', fileOf([forged()]));
      const missing = await upload(
        forger,
        'forged-hidden.xml',
        fileOf([forged().replaceAll(TARGET, 'US-GOV-1-NOBODY-HOLDS-THIS')]),
      );
      expect(hidden).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
      expect(missing).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
      const strip = (m: string) => m.replaceAll('US-GOV-1-NOBODY-HOLDS-THIS', TARGET);
      expect(hidden.issues.map((i: { message: string }) => i.message)).toEqual(
        missing.issues.map((i: { message: string }) => strip(i.message)),
      );
      expect(hidden.issues[0].message).not.toMatch(/already|another organisation|belongs/);
      expect(await targetProject()).toEqual(before);
    } finally {
      await app.db.query(sql`UPDATE projects SET visibility = 'public' WHERE iati_identifier = ${TARGET}`);
    }
  });

  it('does not let a ref verified for one organisation write into another’s project', async () => {
    const verified = await app.request('POST', `/api/v1/organisations/${forger.orgId}/publisher-refs`, {
      token: networkAdmin.token,
      body: { ref: 'XM-FORGER' },
    });
    expect(verified.status).toBe(201);
    const before = await targetProject();
    const job = await upload(forger, 'own-ref.xml', fileOf([forged('XM-FORGER')]));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
    expect(job.issues[0].message).toContain('belongs to another organisation');
    expect(await targetProject()).toEqual(before);
    // The form's publisher field fills in a missing ref only: it does not override the file's.
    const withField = await upload(forger, 'own-ref.xml', fileOf([forged()]), { publisher: 'XM-FORGER' });
    expect(withField).toMatchObject({ created: 0, updated: 0 });
    expect(await targetProject()).toEqual(before);
  });

  it('lets the owner update its own activity with a newer copy', async () => {
    const job = await upload(usaid, 'usaid-mx-update.xml', fileOf([forged()]));
    expect(job).toMatchObject({ status: 'done', updated: 1, rejected: 0 });
    expect(await targetProject()).toMatchObject({ title: 'Forged title', countries: ['KP'], version: 2 });
  });

  it('lets only a network administrator verify or withdraw a publisher ref', async () => {
    const admin = await buildMember(app.db, forger.orgId, 'admin');
    for (const token of [admin.token, forger.token, usaid.token]) {
      const res = await app.request('POST', `/api/v1/organisations/${forger.orgId}/publisher-refs`, {
        token,
        body: { ref: 'US-GOV-1' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('network administrator');
    }
    const gone = await app.request('DELETE', `/api/v1/organisations/${usaid.orgId}/publisher-refs/US-GOV-1`, {
      token: admin.token,
    });
    expect(gone.status).toBe(403);
    const taken = await app.request('POST', `/api/v1/organisations/${forger.orgId}/publisher-refs`, {
      token: networkAdmin.token,
      body: { ref: 'US-GOV-1' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.field).toBe('ref');
    const bad = await app.request('POST', `/api/v1/organisations/${forger.orgId}/publisher-refs`, {
      token: networkAdmin.token,
      body: { ref: 'US GOV 1', note: 'x' },
    });
    expect(bad.status).toBe(422);
    const refs = async (orgId: string) =>
      (await app.request('GET', `/api/v1/organisations/${orgId}/publisher-refs`)).body.items.map(
        (r: { ref: string }) => r.ref,
      );
    expect(await refs(usaid.orgId)).toEqual(['US-GOV-1']);
    expect(await refs(forger.orgId)).toEqual(['XM-FORGER']);
  });

  it('refuses an unknown or invalid form field with a 422 naming it, and starts no job', async () => {
    const jobs = async () =>
      (await app.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM iati_import_jobs`))[0]!.n;
    const before = await jobs();
    for (const [fields, field] of [
      [{ visibility: 'owner' }, 'visibility'],
      [{ publisher: 'US-GOV-1\u0000' }, 'publisher'],
      [{ owner_org_id: 'not-an-id' }, 'owner_org_id'],
    ] as const) {
      const res = await uploadFile(app, 'fields.xml', Buffer.from(fileOf([target])), {
        token: forger.token,
        path: '/api/v1/imports/iati',
        fields,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.details?.[0]?.field, JSON.stringify(res.body)).toBe(field);
    }
    expect(await jobs()).toBe(before);
  });

  it('ends a truncated file’s job as failed, naming the file and the activity where it broke', async () => {
    const whole = fileOf(activities.slice(10, 16));
    const cut = whole.slice(0, whole.indexOf(activities[14]!) + 200);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-truncated-'));
    fs.writeFileSync(path.join(tmp, 'usaid-mx-cut.xml'), cut);
    const job = await upload(
      usaid,
      'usaid-mx-cut.xml',
      fs.readFileSync(path.join(tmp, 'usaid-mx-cut.xml'), 'utf8'),
    );
    fs.rmSync(tmp, { recursive: true });
    expect(job).toMatchObject({ status: 'failed', created: 4, activities_read: 4 });
    expect(job.error).toContain('usaid-mx-cut.xml breaks off at activity #4');
    expect(job.error).toContain('truncated');
    expect(job.issues.at(-1)).toMatchObject({ file: 'usaid-mx-cut.xml', activity: 4, rule: 'well-formed' });
  });

  it('writes a verified publisher’s activity whose identifier a hidden project holds exactly as an unused one', async () => {
    // XM-FORGER was verified for the forger above. The USAID project becomes hidden from it.
    await app.db.query(sql`UPDATE projects SET visibility = 'owner' WHERE iati_identifier = ${TARGET}`);
    const usaidProject = async () =>
      (
        await app.db.query(sql`SELECT title, version, visibility FROM projects
          WHERE iati_identifier = ${TARGET} AND owner_org_id = ${usaid.orgId}`)
      )[0];
    const before = await usaidProject();
    const UNUSED = 'US-GOV-1-AID-523-LA-11-99999'; // as long as TARGET: the reports count bytes
    const hidden = await upload(forger, 'own-ref-hidden.xml', fileOf([forged('XM-FORGER')]));
    const missing = await upload(
      forger,
      'own-ref-hidden.xml',
      fileOf([forged('XM-FORGER').replaceAll(TARGET, UNUSED)]),
    );
    const report = (job: Record<string, unknown>, id: string) =>
      JSON.stringify({
        ...job,
        id: undefined,
        created_at: undefined,
        started_at: undefined,
        finished_at: undefined,
      }).replaceAll(id, 'ID');
    expect(hidden).toMatchObject({ status: 'done', created: 1, updated: 0, rejected: 0, duplicates: 0 });
    expect(report(hidden, TARGET)).toBe(report(missing, UNUSED));
    // Nothing of USAID's project changed; the forger has its own project under the identifier.
    expect(await usaidProject()).toEqual(before);
    const forgers = await app.db.query<{ title: string; publisher: string }>(sql`
      SELECT p.title, a.reporting_org_ref AS publisher FROM projects p JOIN iati_activities a ON a.project_id = p.id
      WHERE p.iati_identifier = ${TARGET} AND p.owner_org_id = ${forger.orgId}`);
    expect(forgers).toEqual([{ title: 'Forged title', publisher: 'XM-FORGER' }]);
  });
});
