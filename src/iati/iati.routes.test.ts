import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { REPO_ROOT } from '../paths.ts';
import { publishersService } from '../publishers/publishers.service.ts';

const MX = path.resolve(REPO_ROOT, '../shared/fixtures/iati/usaid/usaid-mx.xml.gz');

describe('IATI over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('imports an upload in the background, reports progress, and exports only what the caller may see', async () => {
    const { editor } = await buildOrgWithEditor(app.db);
    // An upload writes only under publisher refs verified for its organisation (import-authority.ts).
    await publishersService.verify(app.db, { operator: true }, editor.orgId, 'US-GOV-1');
    const anonymous = await uploadFile(app, 'usaid-mx.xml.gz', fs.readFileSync(MX), {
      path: '/api/v1/imports/iati',
    });
    expect(anonymous.status).toBe(401);

    const started = await uploadFile(app, 'usaid-mx.xml.gz', fs.readFileSync(MX), {
      token: editor.token,
      path: '/api/v1/imports/iati',
    });
    expect(started.status).toBe(202);
    let job = started.body;
    for (let i = 0; i < 200 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await app.request('GET', `/api/v1/imports/iati/${started.body.id}`, { token: editor.token }))
        .body;
    }
    expect(job).toMatchObject({ status: 'done', activities_read: 289, created: 289, rejected: 0 });
    expect((await app.request('GET', `/api/v1/imports/iati/${started.body.id}`)).status).toBe(404);

    await app.db.query(
      sql`UPDATE projects SET visibility = 'network' WHERE iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'`,
    );
    const anon = await app.request('GET', '/api/v1/export/iati?country=MX');
    expect(anon.status).toBe(200);
    expect(anon.headers.get('content-type')).toContain('application/xml');
    expect(anon.body).not.toContain('US-GOV-1-AID-523-LA-11-00001');
    const member = await app.request('GET', '/api/v1/export/iati?sector=15160', { token: editor.token });
    expect(member.body).toContain('<iati-identifier>US-GOV-1-AID-523-LA-11-00001</iati-identifier>');
  });
});
