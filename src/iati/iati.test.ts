import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngine } from '../../test/support/test-db.ts';
import { ANONYMOUS, systemViewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { REPO_ROOT } from '../paths.ts';
import { exportIati, type IatiExportFilters } from './export.ts';
import { readActivitySource } from './iati.repository.ts';
import { importIatiFiles, listIatiFiles } from './import.service.ts';

const IATI = path.resolve(REPO_ROOT, '../shared/fixtures/iati');
const XSD = path.resolve(REPO_ROOT, '../shared/reference/iati/schema/iati-activities-schema.xsd');
const MX = path.join(IATI, 'usaid/usaid-mx.xml.gz');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-iati-test-'));

async function exportToFile(db: Database, name: string, viewer = ANONYMOUS, filters: IatiExportFilters = {}) {
  const file = path.join(tmp, name);
  const parts: string[] = [];
  const count = await exportIati(db, viewer, filters, (c) => {
    parts.push(c);
  });
  fs.writeFileSync(file, parts.join(''));
  return { file, count, xml: parts.join('') };
}

/** Everything Tacit maps for each activity, with organisations by name, for comparing two databases. */
async function snapshot(db: Database): Promise<Map<string, unknown>> {
  const rows = await db.query<{ iati_identifier: string; data: unknown }>(sql`
    SELECT p.iati_identifier, jsonb_build_object(
      'project', jsonb_build_object('title', p.title, 'description', p.description, 'status', p.status,
        'start', p.start_date, 'end', p.end_date, 'owner', o.name, 'visibility', p.visibility, 'extra', p.extra),
      'activity', (SELECT to_jsonb(a) - 'project_id' - 'source_xml' - 'source_gz' - 'source_hash' - 'source_file' - 'import_job_id'
        - 'imported_at' - 'iati_version' - 'last_updated' FROM iati_activities a WHERE a.project_id = p.id),
      'countries', (SELECT jsonb_agg(jsonb_build_array(country, share) ORDER BY country) FROM project_countries WHERE project_id = p.id),
      'regions', (SELECT jsonb_agg(jsonb_build_array(name, code, share) ORDER BY name) FROM project_regions WHERE project_id = p.id),
      'sectors', (SELECT jsonb_agg(jsonb_build_array(code, share) ORDER BY code) FROM project_sectors WHERE project_id = p.id),
      'themes', (SELECT jsonb_agg(theme ORDER BY theme) FROM project_themes WHERE project_id = p.id),
      'participants', (SELECT jsonb_agg(jsonb_build_array(po.name, pp.role) ORDER BY po.name, pp.role)
        FROM project_participants pp JOIN organisations po ON po.id = pp.org_id WHERE pp.project_id = p.id),
      'budget_lines', (SELECT jsonb_agg(to_jsonb(b) - 'id' - 'project_id' ORDER BY position) FROM budget_lines b WHERE project_id = p.id),
      'outputs', (SELECT jsonb_agg(to_jsonb(x) - 'id' - 'project_id' ORDER BY position) FROM outputs x WHERE project_id = p.id),
      'indicators', (SELECT jsonb_agg(to_jsonb(x) - 'id' - 'project_id' ORDER BY position) FROM indicators x WHERE project_id = p.id),
      'transactions', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_transactions x WHERE project_id = p.id),
      'budgets', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_budgets x WHERE project_id = p.id),
      'planned', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_planned_disbursements x WHERE project_id = p.id),
      'results', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_results x WHERE project_id = p.id),
      'documents', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_document_links x WHERE project_id = p.id),
      'markers', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_policy_markers x WHERE project_id = p.id),
      'related', (SELECT jsonb_agg(to_jsonb(x) - 'project_id' ORDER BY position) FROM iati_related_activities x WHERE project_id = p.id)
    ) AS data
    FROM projects p JOIN organisations o ON o.id = p.owner_org_id WHERE p.iati_identifier IS NOT NULL`);
  return new Map(rows.map((r) => [r.iati_identifier, r.data]));
}

describe(`IATI import and export on ${testEngine()}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports usaid-mx with its values mapped to Tacit', async () => {
    const report = await importIatiFiles(t.db, [MX]);
    expect(report).toMatchObject({ read: 289, created: 289, rejected: 0, duplicates: 0 });
    if (t.db.engine === 'pglite') {
      // No autovacuum on the embedded engine: the import vacuums what its commits churned, so the
      // emptied pending lists hold no dead pages (PostgreSQL's autovacuum does this on its own).
      const [size] = await t.db.query(sql`
        SELECT pg_relation_size('search_pending') AS search, pg_relation_size('matrix_pending') AS matrix`);
      expect(size).toEqual({ search: 0, matrix: 0 });
    }
    const [p] = await t.db.query<Record<string, unknown>>(sql`
      SELECT p.title, p.status, p.start_date, p.end_date, p.visibility, o.name AS owner, o.iati_ref,
        (SELECT array_agg(country) FROM project_countries WHERE project_id = p.id) AS countries,
        (SELECT array_agg(code ORDER BY code) FROM project_sectors WHERE project_id = p.id) AS sectors,
        (SELECT array_agg(theme ORDER BY theme) FROM project_themes WHERE project_id = p.id) AS themes,
        (SELECT sum(amount) FROM budget_lines WHERE project_id = p.id) AS budget,
        (SELECT array_agg(po.name || ':' || pp.role ORDER BY po.name, pp.role) FROM project_participants pp
          JOIN organisations po ON po.id = pp.org_id WHERE pp.project_id = p.id) AS participants,
        (SELECT titles FROM iati_activities WHERE project_id = p.id) AS titles
      FROM projects p JOIN organisations o ON o.id = p.owner_org_id
      WHERE p.iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'`);
    expect(p).toMatchObject({
      title: 'Protecting Human Rights and Freedom of Expression in Mexico',
      status: 'finalisation',
      start_date: '2011-09-28',
      end_date: '2016-09-29',
      visibility: 'public',
      owner: 'U.S. Agency for International Development',
      iati_ref: 'US-GOV-1',
      countries: ['MX'],
      sectors: ['15160'],
      themes: ['gender-human-rights'],
      budget: 1753500,
      participants: [
        'Department of State:funder',
        'Freedom House:implementer',
        'U.S. Agency for International Development:accountable',
        'U.S. Agency for International Development:extending',
      ],
    });
    expect(Object.keys(p?.titles as object)).toContain('en');
    // The activity's source is kept whole (gzipped) and given back as the XML that was hashed.
    const [src] = await t.db.query<{ id: string; source_hash: string }>(sql`
      SELECT p.id, a.source_hash FROM projects p JOIN iati_activities a ON a.project_id = p.id
      WHERE p.iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'`);
    const xml = await readActivitySource(t.db, src!.id);
    expect(createHash('sha256').update(xml!).digest('hex')).toBe(src!.source_hash);
    expect(xml).toMatch(/^<iati-activity[^>]*>/);
    expect(xml).toContain('<iati-identifier>US-GOV-1-AID-523-LA-11-00001</iati-identifier>');
    expect(xml).toContain('<usg:treasury-account>');
    expect(xml).toMatch(/<\/iati-activity>$/);
    // The search index holds every imported activity with its facets (children are written before
    // their projects so that one refresh per batch sees them all).
    const [entries] = await t.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM search_entries s JOIN projects p ON p.id = s.record_id
      WHERE s.kind = 'project' AND p.iati_identifier IS NOT NULL`);
    expect(entries?.n).toBe(289);
    const [entry] = await t.db.query<Record<string, unknown>>(sql`
      SELECT s.countries, s.themes, s.dac_codes, cardinality(s.org_ids) AS orgs, cardinality(s.org_roles) AS roles,
        s.tsv @@ plainto_tsquery('tacit_english', 'freedom expression') AS found
      FROM search_entries s JOIN projects p ON p.id = s.record_id
      WHERE s.kind = 'project' AND p.iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'`);
    expect(entry).toEqual({
      countries: ['MX'],
      themes: ['gender-human-rights'],
      dac_codes: expect.arrayContaining(['15160', '151']),
      orgs: 3,
      roles: 4,
      found: true,
    });
  });

  it('skips an unchanged re-import and updates a newer version, bumping the project version', async () => {
    expect(await importIatiFiles(t.db, [MX])).toMatchObject({ created: 0, updated: 0, unchanged: 289 });
    const source = fs.readFileSync(path.join(IATI, 'should-pass/02-minimal-doc.xml'), 'utf8');
    const v1 = source
      .replace('<iati-identifier></iati-identifier>', '<iati-identifier>XM-TEST-1</iati-identifier>')
      .replace('type="xx" ref="xx"', 'type="21" ref="XM-TEST"')
      .replace('<iati-activity>', '<iati-activity last-updated-datetime="2024-01-01T00:00:00Z">');
    const file = path.join(tmp, 'v1.xml');
    fs.writeFileSync(file, v1);
    expect(await importIatiFiles(t.db, [file])).toMatchObject({ created: 1 });
    fs.writeFileSync(file, v1.replace('Xxxxxxx', 'A newer title').replace('2024-01-01', '2025-01-01'));
    expect(await importIatiFiles(t.db, [file])).toMatchObject({ updated: 1 });
    const [p] = await t.db.query<{ title: string; version: number }>(
      sql`SELECT title, version FROM projects WHERE iati_identifier = 'XM-TEST-1'`,
    );
    expect(p).toEqual({ title: 'A newer title', version: 2 });
  });

  it('reports the same identifier from another publisher instead of merging it', async () => {
    const xml = `<iati-activities version="2.03"><iati-activity>
      <iati-identifier>US-GOV-1-AID-523-LA-11-00001</iati-identifier>
      <reporting-org ref="XM-OTHER" type="21"><narrative>Another publisher</narrative></reporting-org>
      <title><narrative>Copied</narrative></title><description><narrative>Copied</narrative></description>
      <participating-org role="4" ref="XM-OTHER"/><activity-status code="2"/>
      <activity-date type="1" iso-date="2020-01-01"/></iati-activity></iati-activities>`;
    const file = path.join(tmp, 'dup.xml');
    fs.writeFileSync(file, xml);
    const report = await importIatiFiles(t.db, [file]);
    expect(report.duplicates).toBe(1);
    expect(report.issues[0]?.message).toContain('already published by "US-GOV-1"');
    const [p] = await t.db.query<{ title: string }>(
      sql`SELECT title FROM projects WHERE iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'`,
    );
    expect(p?.title).toBe('Protecting Human Rights and Freedom of Expression in Mexico');
  });

  it('imports should-pass, the examples and the 1.01 DFID files; rejects should-fail with messages', async () => {
    const pass = await importIatiFiles(
      t.db,
      listIatiFiles([path.join(IATI, 'should-pass'), path.join(IATI, 'examples')]),
    );
    expect(pass.rejected).toBe(0);
    expect(pass.created + pass.updated + pass.unchanged).toBe(pass.read);
    const dfid = await importIatiFiles(t.db, listIatiFiles([path.join(IATI, 'dfid-v1')]));
    expect(dfid).toMatchObject({ rejected: 0, duplicates: 0 });
    expect(dfid.created).toBeGreaterThan(500);
    const fail = await importIatiFiles(t.db, listIatiFiles([path.join(IATI, 'should-fail')]));
    expect(fail.created + fail.updated).toBe(0);
    expect(fail.issues.filter((i) => i.severity === 'error').length).toBeGreaterThanOrEqual(225);
  });

  it('exports IATI 2.03 that validates against the schema, without records the viewer may not see', async () => {
    const [secret] = await t.db.query<{ id: string; owner_org_id: string }>(sql`
      UPDATE projects SET visibility = 'owner' WHERE iati_identifier = 'US-GOV-1-AID-523-LA-11-00001'
      RETURNING id, owner_org_id`);
    const anon = await exportToFile(t.db, 'mx-anon.xml', ANONYMOUS, { publisher: 'US-GOV-1' });
    expect(anon.count).toBe(288);
    expect(anon.xml).not.toContain('US-GOV-1-AID-523-LA-11-00001');
    const owner = await exportToFile(t.db, 'mx-owner.xml', systemViewer([secret!.owner_org_id]), {
      publisher: 'US-GOV-1',
    });
    expect(owner.count).toBe(289);
    expect(owner.xml).toContain('<iati-identifier>US-GOV-1-AID-523-LA-11-00001</iati-identifier>');
    execFileSync('xmllint', ['--noout', '--schema', XSD, anon.file], { stdio: 'pipe' });
    await t.db.query(sql`UPDATE projects SET visibility = 'public' WHERE id = ${secret!.id}`);
    const all = await exportToFile(t.db, 'all.xml', ANONYMOUS);
    execFileSync('xmllint', ['--noout', '--schema', XSD, all.file], { stdio: 'pipe' });
  });

  it('round-trips usaid-mx: re-importing the export gives the same values field by field', async () => {
    const exported = await exportToFile(t.db, 'mx.xml', ANONYMOUS, { publisher: 'US-GOV-1' });
    const second = await createTestDatabase();
    try {
      expect(await importIatiFiles(second.db, [exported.file])).toMatchObject({ created: 289, rejected: 0 });
      const before = await snapshot(t.db);
      const after = await snapshot(second.db);
      expect(after.size).toBe(289);
      for (const [id, data] of after) expect(data, id).toEqual(before.get(id));
    } finally {
      await second.drop();
    }
  });
});
