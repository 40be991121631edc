// The IATI export names a real reporting organisation and gives valid identifiers: records of an
// owner with an IATI identifier are reported by it; the others by this installation
// (TACIT_IATI_ORG_REF) as secondary reporter, or left out, with a note, when none is configured.
// Bad query parameters are refused, naming what was wrong.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ANONYMOUS } from '../access/viewer.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { sql } from '../db/sql.ts';
import { REPO_ROOT } from '../paths.ts';
import { exportIati } from './export.ts';

const XSD = path.resolve(REPO_ROOT, '../shared/reference/iati/schema/iati-activities-schema.xsd');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-iati-reporter-'));
const INSTALLATION = {
  TACIT_IATI_ORG_REF: 'XM-DAC-41146',
  TACIT_IATI_ORG_NAME: 'Registry of the Network',
  TACIT_IATI_ORG_TYPE: '40',
};

/** Validates the XML against the IATI 2.03 activities schema; throws with xmllint's words if it does not. */
function validate(xml: string, name: string): void {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`${name} is not valid IATI: ${(err as { stderr: Buffer }).stderr.toString()}`);
  }
}

/** The <iati-activity> element whose title is `title`. */
function activityTitled(xml: string, title: string): string {
  const found = xml.split('<iati-activity ').find((a) => a.includes(`<narrative>${title}</narrative>`));
  expect(found, title).toBeDefined();
  return found!;
}

let app: TestApp;
let editorToken: string;
let withRefToken: string;
const OWN = 'Prison reform without an IATI identifier';
const WITH_REF = 'Court records under the owner identifier';

beforeAll(async () => {
  app = await startTestApp(INSTALLATION);
  const plain = await buildOrgWithEditor(app.db, { name: 'Ministry Without Ref' });
  const withRef = await buildOrgWithEditor(app.db, { name: 'Agency With Ref', iati_ref: 'GB-COH-01234567' });
  editorToken = plain.editor.token;
  withRefToken = withRef.editor.token;
  for (const [token, title] of [
    [editorToken, OWN],
    [withRefToken, WITH_REF],
  ] as const) {
    const res = await app.request('POST', '/api/v1/projects', {
      token,
      body: { title, visibility: 'public', countries: [{ code: 'PE' }], start: '2024-01-01' },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => app.close());

describe('the IATI export', () => {
  it("names this installation as secondary reporter of a record whose owner has no identifier, and the owner's identifier otherwise", async () => {
    const res = await app.request('GET', '/api/v1/export/iati?country=PE');
    expect(res.status).toBe(200);
    const xml = res.body as string;
    expect(xml).not.toContain('ref=""');
    expect(xml).not.toContain('XX-TACIT');
    const [ownRow] = await app.db.query<{ seq: number }>(sql`SELECT seq FROM projects WHERE title = ${OWN}`);
    const ownSeq = ownRow!.seq;
    const own = activityTitled(xml, OWN);
    expect(own).toContain(`<iati-identifier>XM-DAC-41146-TACIT-${ownSeq}</iati-identifier>`);
    expect(own).toMatch(
      /<reporting-org ref="XM-DAC-41146" type="40" secondary-reporter="1">\s*<narrative>Registry of the Network<\/narrative>/,
    );
    expect(own).toMatch(/<participating-org role="2">\s*<narrative>Ministry Without Ref<\/narrative>/);
    const withRef = activityTitled(xml, WITH_REF);
    expect(withRef).toMatch(/<iati-identifier>GB-COH-01234567-TACIT-\d+<\/iati-identifier>/);
    expect(withRef).toMatch(/<reporting-org ref="GB-COH-01234567" type="10">/);
    expect(withRef).not.toContain('secondary-reporter');
    validate(xml, 'with-installation.xml');
  });

  it('without an installation identifier leaves such records out and says how many, still valid', async () => {
    const parts: string[] = [];
    let leftOut = -1;
    const count = await exportIati(app.db, ANONYMOUS, { country: ['PE'] }, (c) => void parts.push(c), {
      onLeftOut: (n) => {
        leftOut = n;
      },
    });
    const xml = parts.join('');
    expect(count).toBe(1);
    expect(leftOut).toBe(1);
    expect(xml).toContain('<!-- 1 matching record is not in this export');
    expect(xml).toContain('TACIT_IATI_ORG_REF');
    expect(xml).not.toContain(OWN);
    expect(xml).toContain(WITH_REF);
    expect(xml).not.toContain('ref=""');
    validate(xml, 'without-installation.xml');
  });

  it('refuses an unknown country code or query parameter, naming it', async () => {
    const country = await app.request('GET', '/api/v1/export/iati?country=PE,QQ');
    expect(country.status).toBe(422);
    expect(country.body.error.code).toBe('validation_failed');
    expect(country.body.error.message).toContain('country');
    expect(country.body.error.message).toContain('is not an ISO 3166-1 alpha-2 country code');
    const unknown = await app.request('GET', '/api/v1/export/iati?colour=red');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('colour');
    const sector = await app.request('GET', '/api/v1/export/iati?sector=99999');
    expect(sector.status).toBe(422);
    expect(sector.body.error.message).toContain('sector');
  });
});

describe('the installation identifier in the configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return '';
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
  };

  it('is read with its name and type', () => {
    expect(loadConfig(INSTALLATION).iatiReporter).toEqual({
      ref: 'XM-DAC-41146',
      name: 'Registry of the Network',
      type: '40',
    });
    expect(loadConfig({}).iatiReporter).toBeUndefined();
  });

  it('refuses an identifier of no known registration agency, a missing name or an unknown type', () => {
    expect(problems({ ...INSTALLATION, TACIT_IATI_ORG_REF: 'TACIT-1' })).toContain(
      'TACIT_IATI_ORG_REF: must be {registration agency}-{number}',
    );
    expect(problems({ ...INSTALLATION, TACIT_IATI_ORG_REF: 'XM-DAC-41 146' })).toContain(
      'TACIT_IATI_ORG_REF: must not contain spaces',
    );
    expect(problems({ TACIT_IATI_ORG_REF: 'XM-DAC-41146', TACIT_IATI_ORG_TYPE: '40' })).toContain(
      'TACIT_IATI_ORG_NAME: is required with TACIT_IATI_ORG_REF',
    );
    expect(problems({ ...INSTALLATION, TACIT_IATI_ORG_TYPE: '99' })).toContain(
      'TACIT_IATI_ORG_TYPE: is not an IATI OrganisationType code',
    );
    expect(problems({ TACIT_IATI_ORG_NAME: 'Registry' })).toContain(
      'TACIT_IATI_ORG_NAME: is used only with TACIT_IATI_ORG_REF',
    );
  });
});
