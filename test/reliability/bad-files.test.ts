// Bad files, all at once on one server and through the command line: every IATI should-fail
// fixture, truncated and malformed XML, an external entity, entity expansion (billion laughs), a
// gzip bomb, 0-byte and random files, a wrong encoding, and the document attacks (a .docx zip
// bomb, no-text and password-protected PDFs), deep and huge JSON. Each gets a clear refusal (a
// 4xx in the error shape, a job that writes nothing and says why, or a CLI error), the server
// keeps answering, its memory stays bounded, and the stored registry is unchanged.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makeZip } from '../../src/ingest/testing/files.ts';
import { buildOrgWithEditor, type TestMember } from '../support/factories.ts';
import { IATI_DIR } from '../support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../support/test-app.ts';
import { testEngine } from '../support/test-db.ts';
import { runTacit, tableCounts } from './crash-support.ts';

const MB = 1024 * 1024;
// The test process holds the server; its resident memory may grow by this much at most while
// the bad files are read (a gzip or zip bomb read whole would take 150 MB and more).
const MEMORY_BOUND_MB = 300;
const SHOULD_FAIL = path.join(IATI_DIR, 'should-fail');
// Tables that record events: a refused upload may leave its job and audit entry, not data.
const EVENTS = ['audit_log', 'iati_import_jobs', 'search_buckets', 'sessions', 'login_failures'];

const activity = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${body}</iati-activities>`;
const VALID_ACTIVITY = fs
  .readFileSync(path.join(IATI_DIR, 'should-pass', fs.readdirSync(path.join(IATI_DIR, 'should-pass'))[0]!))
  .toString('utf8');

/** Crafted IATI files, each refused as a whole. */
function craftedIati(): [string, Buffer][] {
  const laughs = [
    '<!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ']>',
  ].join('\n');
  return [
    ['empty.xml', Buffer.alloc(0)],
    ['random.xml', randomBytes(64 * 1024)],
    ['random.xml.gz', randomBytes(16 * 1024)],
    ['truncated.xml', Buffer.from(VALID_ACTIVITY.slice(0, Math.floor(VALID_ACTIVITY.length / 2)))],
    ['malformed.xml', Buffer.from(activity('<iati-activity><iati-identifier>X-1</iati-activity>'))],
    ['not-iati.xml', Buffer.from('<?xml version="1.0"?><html><body>hello</body></html>')],
    [
      'external-entity.xml',
      Buffer.from(
        `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>`,
      ),
    ],
    [
      'entity-expansion.xml',
      Buffer.from(
        `<?xml version="1.0"?>\n${laughs}\n<iati-activities version="2.03"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>`,
      ),
    ],
    // 1 GB of zeros in 1 MB of gzip, after an opening that looks like IATI: 1,024 gzip members of
    // 1 MB of zeros each (a gzip file may hold several; readers inflate them one after another).
    [
      'gzip-bomb.xml.gz',
      Buffer.concat([
        zlib.gzipSync(Buffer.from(activity('')).subarray(0, 80)),
        ...Array<Buffer>(1024).fill(zlib.gzipSync(Buffer.alloc(MB), { level: 9 })),
      ]),
    ],
    ['utf16.xml', Buffer.from(`\ufeff${activity('<iati-activity/>')}`, 'utf16le')],
    [
      'latin1-declared-utf8.xml',
      Buffer.from(activity('<iati-activity><title>Pér\xfa</title></iati-activity>'), 'latin1'),
    ],
  ];
}

/** Documents each refused: empty, random bytes, locked or image-only PDFs, a zip bomb, a cut .docx. */
function badDocuments(): [string, Buffer][] {
  const pdf = makePdf([['Confidential review of the programme']], { encrypt: true });
  return [
    ['empty.txt', Buffer.alloc(0)],
    ['random.pdf', randomBytes(200 * 1024)],
    ['random.docx', randomBytes(200 * 1024)],
    ['random.txt', randomBytes(200 * 1024)],
    ['locked.pdf', pdf],
    ['scan.pdf', makePdf([['x'], ['y']], { textLayer: false })],
    [
      'bomb.docx',
      makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.alloc(150 * MB) },
      ]),
    ],
    ['cut.docx', makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document>') }]).subarray(0, 40)],
  ];
}

describe(`bad files on ${testEngine()}`, () => {
  let t: TestApp;
  let editor: TestMember;
  let dir: string;
  let before: Record<string, number>;
  let baseline = 0;
  let peak = 0;
  let sampler: NodeJS.Timeout;
  const tally = { files: 0, refused: 0 };
  let crafted: [string, Buffer][];
  let documents: [string, Buffer][];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bad-files-'));
    t = await startTestApp();
    editor = (await buildOrgWithEditor(t.db)).editor;
    const stored = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Kept' },
    });
    expect(stored.status).toBe(201);
    before = await tableCounts(t.db, EVENTS);
    // Made before the baseline: the test's own buffers are not the server's memory.
    crafted = craftedIati();
    documents = badDocuments();
    baseline = process.memoryUsage().rss;
    peak = baseline;
    sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
  });
  afterAll(async () => {
    clearInterval(sampler);
    console.log(
      `bad-files ${testEngine()}: ${JSON.stringify(tally)}, server memory grew by at most ${Math.round((peak - baseline) / MB)} MB`,
    );
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function stillServing() {
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  }

  it('refuses every crafted IATI upload: a 4xx, or a job that writes nothing and says why', async () => {
    for (const [name, bytes] of crafted) {
      tally.files++;
      const res = await uploadFile(t, name, bytes, {
        token: editor.token,
        path: '/api/v1/imports/iati',
      }).catch((err: Error) => {
        throw new Error(`${name}: the server answered nothing (${err.cause ?? err.message})`);
      });
      if (res.status !== 202) {
        expect(res.status, name).toBeGreaterThanOrEqual(400);
        expect(res.status, name).toBeLessThan(500);
        expect(res.body.error.message.length, name).toBeGreaterThan(20);
        tally.refused++;
        continue;
      }
      let job = res.body;
      for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await t.request('GET', `/api/v1/imports/iati/${res.body.id}`, { token: editor.token })).body;
      }
      expect(['done', 'failed'], `${name}: ${JSON.stringify(job)}`).toContain(job.status);
      expect(job.created + job.updated, name).toBe(0);
      const said = [job.error ?? '', ...job.issues.map((i: { message: string }) => i.message)].join(' ');
      expect(said.length, `${name}: ${JSON.stringify(job)}`).toBeGreaterThan(20);
      expect(said, name).not.toContain('root:');
      tally.refused++;
      await stillServing();
    }
    expect(await tableCounts(t.db, EVENTS)).toEqual(before);
  });

  it('refuses bad documents with a 4xx in the error shape', async () => {
    for (const [name, bytes] of documents) {
      tally.files++;
      const res = await uploadFile(t, name, bytes, { token: editor.token });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(Object.keys(res.body.error).sort(), name).toEqual(['code', 'details', 'message']);
      expect(res.body.error.message.length, name).toBeGreaterThan(20);
      tally.refused++;
      await stillServing();
    }
    expect(await tableCounts(t.db, EVENTS)).toEqual(before);
  });

  it('refuses deep, huge and malformed JSON bodies', async () => {
    const bodies: [string, string, number][] = [
      ['deep', `{"title":"Deep","extra":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`, 422],
      ['deep array', `{"title":"Deep","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 422],
      ['huge', JSON.stringify({ title: 'Huge', summary: 'x'.repeat(3 * MB) }), 413],
      ['malformed', '{"title": "Cut', 400],
      ['not an object', '[1,2,3]', 422],
    ];
    for (const [what, body, status] of bodies) {
      tally.files++;
      const res = await t.request('POST', '/api/v1/projects', { token: editor.token, body });
      expect(res.status, `${what}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status);
      expect(Object.keys(res.body.error).sort(), what).toEqual(['code', 'details', 'message']);
      tally.refused++;
      await stillServing();
    }
    expect(await tableCounts(t.db, EVENTS)).toEqual(before);
  });

  it('refuses every should-fail fixture and crafted file from the command line, writing nothing', async () => {
    const written = crafted.map(([name, bytes]) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    });
    const fixtures = fs.readdirSync(SHOULD_FAIL).map((f) => path.join(SHOULD_FAIL, f));
    const files = [...fixtures, ...written];
    const env = t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : undefined;
    // The embedded database belongs to the server: the command runs on a copy of its own.
    const cli = env ?? { TACIT_DATA_DIR: path.join(dir, 'cli-data') };
    const run = await runTacit(['import-iati', ...files, '--json'], cli);
    expect(run.code, run.stderr).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.created + report.updated).toBe(0);
    const blamed = new Set(
      (report.issues as { file: string; severity: string }[])
        .filter((i) => i.severity === 'error')
        .map((i) => i.file),
    );
    const unblamed = files.filter((f) => !blamed.has(f) && !blamed.has(path.basename(f)));
    expect(unblamed).toEqual([]);
    tally.files += files.length;
    tally.refused += files.length - unblamed.length;
    expect(await tableCounts(t.db, EVENTS)).toEqual(before);
  });

  it('kept its memory within the bound', () => {
    expect((peak - baseline) / MB).toBeLessThan(MEMORY_BOUND_MB);
  });
});
