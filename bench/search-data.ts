// Generates a large registry for the search and coordination benchmarks from real vocabulary:
// sentences of the four fixture documents, words of real project titles, the theme list, DAC
// codes and countries. Rows are written with INSERT … SELECT FROM generate_series with the
// search triggers off, then indexed once in chunks, which is how a bulk load should be done.
import fs from 'node:fs';
import path from 'node:path';
import type { Database, Queryable } from '../src/db/client.ts';
import { sql } from '../src/db/sql.ts';
import { DEMO_DIR, REPO_ROOT } from '../src/paths.ts';
import { vocabularies } from '../src/reference/vocabularies.ts';

const FIXTURE_DOCS = path.resolve(REPO_ROOT, '../shared/fixtures/documents');

function vocabulary() {
  const texts = fs
    .readdirSync(FIXTURE_DOCS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(FIXTURE_DOCS, f), 'utf8'));
  const sentences = texts
    .flatMap((t) => t.replace(/<[^>]+>/g, ' ').split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= 40 && s.length <= 400);
  const registry = fs.readFileSync(path.join(DEMO_DIR, 'registry.json'), 'utf8');
  const iati = fs.readFileSync(path.join(DEMO_DIR, 'iati', 'usaid-mx-justice.xml'), 'utf8');
  const titleText = [
    ...[...registry.matchAll(/"title": "([^"]+)"/g)].map((m) => m[1]!),
    ...[...iati.matchAll(/<narrative xml:lang="en">([^<]{5,120})<\/narrative>/g)].map((m) => m[1]!),
    ...[...vocabularies.themes().values()].map((t) => t.labels.en),
  ].join(' ');
  const titleWords = [...new Set(titleText.split(/[^\p{L}-]+/u).filter((w) => w.length > 3))];
  return { sentences, titleWords };
}

const COUNTRIES = [
  'PE',
  'CO',
  'MX',
  'GT',
  'SV',
  'HN',
  'NI',
  'CR',
  'PA',
  'BZ',
  'DO',
  'EC',
  'BO',
  'BR',
  'AR',
  'CL',
  'PY',
  'UY',
  'VE',
  'JM',
  'HT',
  'NG',
  'GH',
  'SN',
  'ML',
  'NE',
  'KE',
  'UG',
  'TZ',
  'ET',
  'ZA',
  'MZ',
  'AF',
  'PK',
  'BD',
  'LK',
  'MM',
  'TH',
  'VN',
  'PH',
  'ID',
  'UA',
  'MD',
  'GE',
  'AM',
  'AL',
  'RS',
  'BA',
  'XK',
  'MK',
  'TN',
  'MA',
  'LB',
  'JO',
  'IQ',
];
const DAC = [
  '15113',
  '15130',
  '15131',
  '15132',
  '15134',
  '15136',
  '15137',
  '15160',
  '15180',
  '15190',
  '15210',
  '16063',
];
const CURRENCIES = ['USD', 'GBP', 'EUR', 'CAD'];

export interface GeneratedRegistry {
  orgIds: string[];
  titleWords: string[];
  countries: string[];
  themes: string[];
}

const pick = (arr: string, n: string) => sql.raw(`${arr}[1 + floor(random() * ${n})::int]`);

async function generateRows(tx: Queryable, projects: number, passages: number, orgs: number) {
  const { sentences, titleWords } = vocabulary();
  const themes = [...vocabularies.themes().keys()];
  // Triggers off: no per-statement indexing (and no foreign-key checks: the rows are right by construction).
  await tx.query(sql`SET LOCAL session_replication_role = replica`);
  await tx.query(sql`INSERT INTO organisations (name, acronym, type)
    SELECT 'Bench Organisation ' || i, 'BO' || i, (ARRAY['donor_government','multilateral','ngo','recipient_institution'])[1 + i % 4]
    FROM generate_series(1, ${orgs}) i`);
  const v = sql`(SELECT ${titleWords}::text[] AS tw, ${sentences}::text[] AS s, ${COUNTRIES}::text[] AS cn,
    ${themes}::text[] AS th, ${DAC}::text[] AS dc, ${CURRENCIES}::text[] AS cur,
    ARRAY(SELECT id FROM organisations WHERE name LIKE 'Bench Organisation %' ORDER BY seq) AS org) v`;
  const ntw = 'cardinality(v.tw)';
  const ns = 'cardinality(v.s)';
  await tx.query(sql`INSERT INTO projects (owner_org_id, visibility, title, description, status, start_date, start_precision,
      end_date, end_precision, ongoing, language, code)
    SELECT v.org[1 + i % cardinality(v.org)],
      CASE WHEN i % 20 = 0 THEN 'owner' WHEN i % 7 = 0 THEN 'network' ELSE 'public' END,
      initcap(${pick('v.tw', ntw)}) || ' ' || ${pick('v.tw', ntw)} || ' ' || ${pick('v.tw', ntw)} || ' ' || ${pick('v.tw', ntw)},
      ${pick('v.s', ns)} || ' ' || ${pick('v.s', ns)},
      (ARRAY['active','active','closed','closed','closed','pipeline','finalisation'])[1 + i % 7],
      make_date(2005 + i % 19, 1 + i % 12, 1), 'month', make_date(2005 + i % 19 + 1 + i % 6, 1 + i % 12, 28), 'day',
      i % 11 = 0, 'en', 'B-' || i
    FROM generate_series(1, ${projects}) i, ${v}`);
  await tx.query(sql`INSERT INTO project_countries (project_id, country)
    SELECT DISTINCT p.id, v.cn[1 + ((p.seq * k * 7919) % cardinality(v.cn))]
    FROM projects p, ${v}, generate_series(1, 2) k WHERE k = 1 OR p.seq % 3 = 0`);
  await tx.query(sql`INSERT INTO project_themes (project_id, theme)
    SELECT DISTINCT p.id, v.th[1 + ((p.seq * k * 104729) % cardinality(v.th))]
    FROM projects p, ${v}, generate_series(1, 3) k WHERE k <= 1 + p.seq % 3`);
  await tx.query(sql`INSERT INTO project_sectors (project_id, code)
    SELECT p.id, v.dc[1 + p.seq % cardinality(v.dc)] FROM projects p, ${v}`);
  await tx.query(sql`INSERT INTO project_participants (project_id, org_id, role)
    SELECT DISTINCT p.id, v.org[1 + ((p.seq * k * 31) % cardinality(v.org))], (ARRAY['funder','implementer','partner','beneficiary'])[k]
    FROM projects p, ${v}, generate_series(1, 4) k WHERE k <= 2 + p.seq % 3`);
  await tx.query(sql`INSERT INTO budget_lines (project_id, position, amount, currency, category)
    SELECT p.id, 0, 50000 + (p.seq * 7919) % 5000000, v.cur[1 + p.seq % 4], 'ODA' FROM projects p, ${v}`);
  // The passages beyond the project descriptions: lessons, recommendations and document texts.
  const rest = Math.max(0, passages - projects);
  const each = Math.floor(rest / 3);
  const projectOf = sql.raw(
    `(SELECT id FROM projects WHERE seq = (SELECT min(seq) FROM projects) + (i * 7) % ${projects})`,
  );
  await tx.query(sql`INSERT INTO lessons (owner_org_id, visibility, project_id, text, themes, countries)
    SELECT v.org[1 + i % cardinality(v.org)], CASE WHEN i % 10 = 0 THEN 'owner' ELSE 'public' END, ${projectOf},
      ${pick('v.s', ns)}, ARRAY[v.th[1 + i % cardinality(v.th)]], ARRAY[v.cn[1 + i % cardinality(v.cn)]]::char(2)[]
    FROM generate_series(1, ${each}) i, ${v}`);
  // The signature triggers are off with the others: signatures and their list are made here.
  await tx.query(sql`UPDATE lessons SET signature = lesson_signature(text)`);
  await tx.query(sql`INSERT INTO lesson_signatures SELECT DISTINCT ON (signature) signature, text FROM lessons
    WHERE signature IS NOT NULL ORDER BY signature, seq ON CONFLICT DO NOTHING`);
  await tx.query(sql`INSERT INTO recommendations (owner_org_id, visibility, project_id, text, country)
    SELECT v.org[1 + i % cardinality(v.org)], CASE WHEN i % 10 = 0 THEN 'owner' ELSE 'public' END, ${projectOf},
      ${pick('v.s', ns)}, v.cn[1 + i % cardinality(v.cn)]
    FROM generate_series(1, ${each}) i, ${v}`);
  await tx.query(sql`INSERT INTO documents (owner_org_id, visibility, project_id, title, filename, media_type, size_bytes, sha256, kind, language, text, status)
    SELECT v.org[1 + i % cardinality(v.org)], CASE WHEN i % 10 = 0 THEN 'owner' ELSE 'public' END, ${projectOf},
      'Passage ' || i, 'passage-' || i || '.txt', 'text/plain', 400, md5(i::text) || md5((i + 1)::text), 'other', 'en',
      ${pick('v.s', ns)} || ' ' || ${pick('v.s', ns)} || ' ' || ${pick('v.s', ns)}, 'stored'
    FROM generate_series(1, ${rest - 2 * each}) i, ${v}`);
  return { titleWords, themes };
}

/** Builds the registry and its search index; prints how long each part took. */
export async function generateRegistry(
  db: Database,
  projects: number,
  passages: number,
): Promise<GeneratedRegistry> {
  let t = performance.now();
  const { titleWords, themes } = await db.transaction((tx) => generateRows(tx, projects, passages, 400));
  console.log(
    `  generated ${projects} projects and ${passages} passages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  t = performance.now();
  const chunk = 20000;
  // Building the GIN indexes once at the end is far faster than growing them row by row.
  const indexes = await db.query<{ name: string; def: string }>(sql`SELECT indexname AS name, indexdef AS def
    FROM pg_indexes WHERE tablename = 'search_entries' AND indexdef LIKE '%USING gin%'`);
  for (const i of indexes) await db.exec(`DROP INDEX ${i.name}`);
  await db.query(sql`SELECT search_refresh_organisations(ARRAY(SELECT id FROM organisations))`);
  for (const [kind, table] of [
    ['project', 'projects'],
    ['lesson', 'lessons'],
    ['recommendation', 'recommendations'],
    ['document', 'documents'],
  ] as const) {
    const [{ lo, hi }] = (await db.query<{ lo: number; hi: number }>(
      sql`SELECT min(seq) AS lo, max(seq) AS hi FROM ${sql.raw(table)}`,
    )) as [{ lo: number; hi: number }];
    for (let from = lo; from <= hi; from += chunk) {
      const ids = sql`ARRAY(SELECT id FROM ${sql.raw(table)} WHERE seq >= ${from} AND seq < ${from + chunk})`;
      await db.query(
        kind === 'project'
          ? sql`SELECT search_refresh_projects(${ids})`
          : sql`SELECT search_refresh_records(${kind}, ${ids})`,
      );
    }
  }
  for (const i of indexes) await db.exec(i.def);
  await db.exec('ANALYZE');
  console.log(`  indexed for search in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  // The rows went in with triggers off: the 3W matrix's facts and cells are built once, as a bulk
  // load should.
  await db.transaction((tx) => tx.query(sql`SELECT matrix_refresh_all()`));
  console.log(`  built the 3W matrix cells in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const orgs = await db.query<{ id: string }>(
    sql`SELECT id FROM organisations WHERE name LIKE 'Bench Organisation %' ORDER BY seq`,
  );
  return { orgIds: orgs.map((o) => o.id), titleWords, countries: COUNTRIES, themes };
}
