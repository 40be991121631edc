// Importing an activity whose project is in the trash: the import neither brings it back nor
// writes into it nor creates a second project beside it. Its owner (uploading) and the operator
// (importing from the CLI) are told, per activity, that it is in the trash and to restore it
// first; another organisation is answered as for an identifier nobody holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { IATI_DIR } from '../../test/support/fixtures.ts';
import { importIatiUpload, startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';
import { sql } from '../db/sql.ts';
import { importIatiFiles } from './import.service.ts';

const TARGET = 'US-GOV-1-AID-523-LA-11-00001';
const UNHELD = 'US-GOV-1-NOBODY-HOLDS-THIS';
const target = (
  gunzipSync(fs.readFileSync(path.join(IATI_DIR, 'usaid/usaid-mx.xml.gz')))
    .toString('utf8')
    .match(/<iati-activity [\s\S]*?<\/iati-activity>/g) ?? []
).find((a) => a.includes(`<iati-identifier>${TARGET}</iati-identifier>`))!;
const fileOf = (activity: string) => `<iati-activities version="2.03">\n${activity}\n</iati-activities>\n`;
/** The activity updated by its publisher: newer, retitled. */
const newer = target
  .replace(/last-updated-datetime="[^"]*"/, 'last-updated-datetime="2099-01-01T00:00:00Z"')
  .replace(/(<title>\s*<narrative[^>]*>)[^<]*/, '$1Retitled while in the trash');

describe('an IATI import of an activity whose project is in the trash', () => {
  let t: TestApp;
  let usaid: TestMember;
  let other: TestMember;
  let projectId: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-import-trash-'));

  const upload = (member: TestMember, name: string, xml: string) =>
    importIatiUpload(t, member.token, { name, bytes: Buffer.from(xml) });
  const holders = () =>
    t.db.query<{ id: string; title: string; visibility: string; version: number }>(
      sql`SELECT id, title, visibility, version FROM projects WHERE iati_identifier = ${TARGET}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    usaid = (await buildOrgWithEditor(t.db)).editor;
    other = (await buildOrgWithEditor(t.db)).editor;
    const networkAdmin = (await buildOrgWithEditor(t.db)).editor;
    await setNetworkAdmin(t.db, networkAdmin.email, true);
    const verified = await t.request('POST', `/api/v1/organisations/${usaid.orgId}/publisher-refs`, {
      token: networkAdmin.token,
      body: { ref: 'US-GOV-1' },
    });
    expect(verified.status).toBe(201);
    expect(await upload(usaid, 'usaid-target.xml', fileOf(target))).toMatchObject({ created: 1 });
    projectId = (await holders())[0]!.id;
    const deleted = await t.request('DELETE', `/api/v1/projects/${projectId}`, { token: usaid.token });
    expect(deleted.status).toBe(204);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('tells its owner to restore it first, and writes nothing', async () => {
    const before = await holders();
    const job = await upload(usaid, 'usaid-newer.xml', fileOf(newer));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
    expect(job.issues).toHaveLength(1);
    expect(job.issues[0]).toMatchObject({ identifier: TARGET, rule: 'in-trash', file: 'usaid-newer.xml' });
    expect(job.issues[0].message).toContain('is in the trash; restore it first');
    expect(job.issues[0].message).toContain(`/api/v1/trash/project/${projectId}/restore`);
    expect(await holders()).toEqual(before);
    expect(before).toMatchObject([{ visibility: 'deleted' }]);
  });

  it('tells the operator the same from the command line’s import', async () => {
    const file = path.join(tmp, 'operator.xml');
    fs.writeFileSync(file, fileOf(newer));
    const before = await holders();
    const report = await importIatiFiles(t.db, [file]);
    expect(report).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    expect(report.issues.map((i) => i.rule)).toEqual(['in-trash']);
    expect(await holders()).toEqual(before);
  });

  it('answers another organisation as for an identifier nobody holds', async () => {
    const before = await holders();
    const deleted = await upload(other, 'other.xml', fileOf(newer));
    const missing = await upload(other, 'other.xml', fileOf(newer.replaceAll(TARGET, UNHELD)));
    expect(deleted).toMatchObject({ status: 'done', created: 0, updated: 0, rejected: 1 });
    const messages = (job: { issues: { message: string }[] }) =>
      job.issues.map((i) => i.message.replaceAll(UNHELD, TARGET));
    expect(messages(deleted)).toEqual(messages(missing));
    expect(messages(deleted).join()).not.toMatch(/trash|deleted|restore/);
    expect(await holders()).toEqual(before);
  });

  it('updates it once its owner has restored it', async () => {
    const restored = await t.request('POST', `/api/v1/trash/project/${projectId}/restore`, {
      token: usaid.token,
    });
    expect(restored.status).toBeLessThan(300);
    const job = await upload(usaid, 'usaid-newer.xml', fileOf(newer));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 1, rejected: 0 });
    expect(await holders()).toMatchObject([
      { id: projectId, title: 'Retitled while in the trash', visibility: 'public' },
    ]);
  });
});
