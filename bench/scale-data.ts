// Generated projects for the scale suite, from the vocabulary of the USAID IATI fixtures: their
// publishers and partners become organisations, their titles' words and descriptions' sentences
// are recombined, their countries and DAC sectors reused, and the themes are Tacit's own. Project
// i is the same in every run (its random numbers come from i), so a curve can be run again. The
// projects are written as the IATI import writes them: by the projects bulk repository, a batch a
// transaction, with the search index and the 3W matrix kept at every commit.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Database } from '../src/db/client.ts';
import { sql } from '../src/db/sql.ts';
import { REPO_ROOT } from '../src/paths.ts';
import type { BulkProject } from '../src/projects/project-rows.ts';
import {
  insertProjectDetails,
  insertProjectFacets,
  upsertBulkProjects,
} from '../src/projects/projects-bulk.repository.ts';
import { vocabularies } from '../src/reference/vocabularies.ts';
import { mulberry32 } from '../test/support/random.ts';

const USAID = path.resolve(REPO_ROOT, '../shared/fixtures/iati/usaid');
const SEED = 23;
const STATUSES = ['active', 'active', 'closed', 'closed', 'closed', 'pipeline', 'finalisation', 'suspended'];
const ROLES = ['funder', 'implementer', 'partner', 'beneficiary'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD'];

export interface ScaleVocabulary {
  titleWords: string[];
  sentences: string[];
  orgNames: string[];
  countries: string[];
  sectors: string[];
  themes: string[];
}

const all = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!.trim());
const unique = (values: string[]) => [...new Set(values)].sort();

/** The USAID set's words, sentences, organisations, countries and sectors (those Tacit knows). */
export async function scaleVocabulary(db: Database): Promise<ScaleVocabulary> {
  const titles: string[] = [];
  const sentences: string[] = [];
  const orgs: string[] = [];
  const countries: string[] = [];
  const sectors: string[] = [];
  for (const file of fs.readdirSync(USAID).sort()) {
    const raw = fs.readFileSync(path.join(USAID, file));
    const xml = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
    titles.push(...all(xml, /<title>\s*<narrative[^>]*>([^<]{5,200})</g));
    for (const d of all(xml, /<description[^>]*>\s*<narrative[^>]*>([^<]{40,4000})</g))
      sentences.push(...d.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 40 && s.length <= 300));
    orgs.push(...all(xml, /<(?:participating|reporting)-org[^>]*>\s*<narrative[^>]*>([^<]{3,120})</g));
    countries.push(...all(xml, /<recipient-country code="([A-Z]{2})"/g));
    sectors.push(...all(xml, /<sector code="(\d{5})"/g));
  }
  const known = async (table: string, values: string[]) => {
    const rows = await db.query<{ code: string }>(
      sql`SELECT code FROM ${sql.raw(table)} WHERE code = ANY(${unique(values)}::text[]) ORDER BY code`,
    );
    return rows.map((r) => r.code);
  };
  return {
    titleWords: unique(
      titles.flatMap((t) => t.split(/[^\p{L}-]+/u)).filter((w) => w.length > 3 && /^\p{L}/u.test(w)),
    ),
    sentences: unique(sentences).slice(0, 20_000),
    orgNames: [...new Map(orgs.map((o) => [o.toLowerCase(), o])).values()].sort(),
    countries: await known('countries', countries),
    sectors: await known('dac_codes', sectors),
    themes: [...vocabularies.themes().keys()],
  };
}

export interface ScaleOrganisation {
  id: string;
  ref: string;
}

/** The vocabulary's organisations, each with an IATI identifier so an export can name its reporter. */
export async function createScaleOrganisations(
  db: Database,
  v: ScaleVocabulary,
): Promise<ScaleOrganisation[]> {
  const refs = v.orgNames.map((_, i) => `XM-SCALE-${i + 1}`);
  await db.query(sql`INSERT INTO organisations (name, iati_ref, type)
    SELECT n, r, (ARRAY['donor_government','multilateral','ngo','recipient_institution'])[1 + o % 4]
    FROM unnest(${v.orgNames}::text[], ${refs}::text[]) WITH ORDINALITY AS x(n, r, o)`);
  return db.query<ScaleOrganisation>(
    sql`SELECT id, iati_ref AS ref FROM organisations WHERE iati_ref LIKE 'XM-SCALE-%' ORDER BY seq`,
  );
}

/** Project i's random numbers: the same in every run. */
const randomFor = (i: number) => mulberry32((Math.imul(i, 0x9e3779b1) ^ SEED) >>> 0);

const projectUuid = (i: number) => `5ca1e000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Project i (1-based), as the bulk repository takes it. */
export function scaleProject(i: number, v: ScaleVocabulary, orgs: ScaleOrganisation[]): BulkProject {
  const r = randomFor(i);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const some = <T>(list: T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const owner = pick(orgs);
  const words = some(v.titleWords, 3 + Math.floor(r() * 4));
  const title = words.map((w, k) => (k ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1))).join(' ');
  const countries = some(v.countries, r() < 0.7 ? 1 : 2);
  const startYear = 2000 + Math.floor(r() * 25);
  const startMonth = 1 + Math.floor(r() * 12);
  const endYear = startYear + 1 + Math.floor(r() * 6);
  const currency = pick(CURRENCIES);
  const participants = some(orgs, 2 + Math.floor(r() * 2)).map((o, k) => ({ orgId: o.id, role: ROLES[k]! }));
  const json = (rows: object[]) => JSON.stringify(rows);
  return {
    projectId: projectUuid(i),
    ownerOrgId: owner.id,
    participants,
    rows: {
      projects: json([
        {
          iati_identifier: `${owner.ref}-S${i}`,
          title,
          description: `${pick(v.sentences)} ${pick(v.sentences)}`,
          status: pick(STATUSES),
          start_date: iso(startYear, startMonth, 1),
          start_precision: 'month',
          end_date: iso(endYear, startMonth, 28),
          end_precision: 'day',
          language: 'en',
          outcome_statement: null,
          extra: {},
        },
      ]),
      project_countries: json(countries.map((c) => ({ country: c, share: 100 / countries.length }))),
      project_themes: json(some(v.themes, 1 + Math.floor(r() * 3)).map((theme) => ({ theme }))),
      project_sectors: json([{ code: pick(v.sectors), share: 100 }]),
      budget_lines: json([
        {
          position: 0,
          amount: 10_000 + Math.floor(r() * 5_000_000),
          currency,
          period_start: iso(startYear, startMonth, 1),
          period_end: iso(endYear, startMonth, 28),
          value_date: iso(startYear, startMonth, 1),
          label: null,
        },
      ]),
    },
  };
}

/** Writes projects from+1 … to, `batch` a transaction, as the IATI import writes its batches. */
export async function writeScaleProjects(
  db: Database,
  v: ScaleVocabulary,
  orgs: ScaleOrganisation[],
  from: number,
  to: number,
  batch = 1000,
): Promise<void> {
  for (let start = from + 1; start <= to; start += batch) {
    const projects: BulkProject[] = [];
    for (let i = start; i < Math.min(start + batch, to + 1); i++) projects.push(scaleProject(i, v, orgs));
    await db.transaction(async (tx) => {
      await insertProjectFacets(tx, projects);
      await upsertBulkProjects(tx, projects);
      await insertProjectDetails(tx, projects);
    });
  }
}

/**
 * Generates projects from+1 … to as a bulk load should be done: written with triggers off, 5,000 a
 * transaction, then indexed for search (its GIN indexes dropped and built again once, far faster
 * than growing them row by row) and added to the 3W matrix (`matrix_refresh`, by difference) in
 * chunks. So a step of the curve costs minutes, not hours; the write path's own rate, triggers
 * on, is measured apart on a sample of each step (writeScaleProjects).
 */
export async function generateScaleProjects(
  db: Database,
  v: ScaleVocabulary,
  orgs: ScaleOrganisation[],
  from: number,
  to: number,
): Promise<void> {
  const chunk = 5000;
  for (let start = from + 1; start <= to; start += chunk) {
    const projects: BulkProject[] = [];
    for (let i = start; i < Math.min(start + chunk, to + 1); i++) projects.push(scaleProject(i, v, orgs));
    await db.transaction(async (tx) => {
      // Triggers off: no per-statement upkeep, no foreign-key checks (right by construction).
      await tx.query(sql`SET LOCAL session_replication_role = replica`);
      await insertProjectFacets(tx, projects);
      await upsertBulkProjects(tx, projects);
      await insertProjectDetails(tx, projects);
    });
  }
  const gin = await db.query<{ name: string; def: string }>(sql`SELECT indexname AS name, indexdef AS def
    FROM pg_indexes WHERE tablename = 'search_entries' AND indexdef LIKE '%USING gin%'`);
  for (const i of gin) await db.exec(`DROP INDEX ${i.name}`);
  for (let start = from + 1; start <= to; start += chunk) {
    const ids: string[] = [];
    for (let i = start; i < Math.min(start + chunk, to + 1); i++) ids.push(projectUuid(i));
    await db.transaction(async (tx) => {
      await tx.query(sql`SELECT search_refresh_projects(${ids}::uuid[])`);
      await tx.query(sql`SELECT matrix_refresh(${ids}::uuid[])`);
    });
  }
  for (const i of gin) await db.exec(i.def);
}
