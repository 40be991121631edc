import { withheldFields } from '../access/filter.ts';
import { assertRoleIn, ownerOrgFor } from '../access/permissions.ts';
import type { RecordVisibility, Viewer } from '../access/viewer.ts';
import { auditService, snapshot } from '../audit/audit.service.ts';
import { regionNamed } from '../countries/regions.ts';
import type { Database, Queryable } from '../db/client.ts';
import { toPage } from '../db/pagination.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { completenessOf } from '../quality/elements.ts';
import { formatPartial } from '../reference/partial-date.ts';
import { errors } from '../server/errors.ts';
import { sharingResponse, withhold } from '../sharing/sharing.schema.ts';
import { sharingService } from '../sharing/sharing.service.ts';
import { trashService } from '../trash/trash.service.ts';
import { type ProjectRow, projectsRepository as repo } from './projects.repository.ts';
import type {
  Project,
  ProjectCreate,
  ProjectListItem,
  ProjectListQuery,
  ProjectUpdate,
} from './projects.schema.ts';

export function toProject(row: ProjectRow, withheld: string[] = []): Project {
  return {
    id: row.id,
    owner_org: { id: row.owner_org_id, name: row.owner_name },
    ...sharingResponse(row),
    code: row.code,
    iati_identifier: row.iati_identifier,
    title: row.title,
    description: row.description,
    status: row.status,
    period: {
      start: formatPartial(row.start_date, row.start_precision),
      end: formatPartial(row.end_date, row.end_precision),
      ongoing: row.ongoing,
    },
    countries: row.countries,
    regions: row.regions,
    themes: row.themes,
    dac_codes: row.dac_codes,
    budget: row.budget,
    participants: row.participants,
    outputs: row.outputs,
    outcome: { statement: row.outcome_statement, score: row.outcome_score },
    indicators: row.indicators,
    language: row.language,
    extra: row.extra,
    completeness: completenessOf(row.present_elements, withheld),
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Participants named by org_id or by a registered name, acronym or alias. */
async function resolveParticipants(db: Queryable, participants: ProjectCreate['participants'] | undefined) {
  if (!participants) return undefined;
  const resolved: { org_id: string; role: string }[] = [];
  for (const [i, p] of participants.entries()) {
    const org = p.org_id
      ? await organisationsRepository.findById(db, p.org_id)
      : await organisationsRepository.findByAnyName(db, p.name!);
    if (!org) {
      throw errors.invalidField(
        `participants.${i}.${p.org_id ? 'org_id' : 'name'}`,
        `no registered organisation is ${p.org_id ? 'identified' : 'called'} "${p.org_id ?? p.name}"; ` +
          'register it first (POST /api/v1/organisations) or use its id',
      );
    }
    resolved.push({ org_id: org.id, role: p.role });
  }
  return resolved;
}

async function assertIdentifiersFree(
  db: Queryable,
  viewer: Viewer,
  ownerOrgId: string,
  f: Partial<ProjectCreate>,
  selfId?: string,
) {
  if (f.code) {
    const other = await repo.findIdByCode(db, ownerOrgId, f.code);
    if (other && other !== selfId) {
      throw errors.conflict('duplicate', `Your organisation already has a project with the code ${f.code}.`, {
        field: 'code',
        existing_id: other,
      });
    }
  }
  if (f.iati_identifier) {
    // Only a project the writer may see is a duplicate to report: one hidden from it must answer
    // exactly as a missing one, so identifiers are unique per owner (migration 071), and the
    // writer's own projects are always visible to it.
    const other = await repo.findVisibleIdByIatiIdentifier(db, viewer, ownerOrgId, f.iati_identifier);
    if (other && other !== selfId) {
      throw errors.conflict(
        'duplicate',
        `A project with the IATI identifier ${f.iati_identifier} is already registered.`,
        {
          field: 'iati_identifier',
          existing_id: other,
        },
      );
    }
  }
}

async function getVisible(db: Queryable, viewer: Viewer, id: string): Promise<Project> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw errors.notFound('project', id);
  return projectFor(viewer, row);
}

/** The project as this viewer may see it: the fields its owner withholds from them null and named. */
function projectFor(viewer: Viewer, row: ProjectRow): Project {
  const withheld = withheldFields(viewer, row);
  return withhold(toProject(row, withheld), withheld);
}

/** Sensitive project fields an owner may show to fewer readers than the project. */
const RESTRICTABLE = ['budget'] as const;

/** The project's owner, if the viewer may see it; 404 otherwise, so hidden projects stay hidden. */
async function ownershipForWrite(db: Queryable, viewer: Viewer, id: string) {
  const row = await repo.findVisibleOwnership(db, viewer, id);
  if (!row) throw errors.notFound('project', id);
  assertRoleIn(viewer, row.owner_org_id, 'editor');
  return row;
}

/** Creates a project inside a transaction the caller holds (the service's `create` opens one). */
async function createIn(tx: Queryable, viewer: Viewer, input: ProjectCreate): Promise<Project> {
  const ownerOrgId = ownerOrgFor(viewer, input.owner_org_id);
  sharingService.checkFieldVisibility(input, RESTRICTABLE);
  await assertIdentifiersFree(tx, viewer, ownerOrgId, input);
  const participants = await resolveParticipants(tx, input.participants);
  const fallback =
    input.visibility ?? (await organisationsService.visibilityFor(tx, ownerOrgId, undefined, 'records'));
  const fields = { ...input, ...(await sharingService.resolve(tx, input, undefined, fallback)) };
  const id = await repo.insert(tx, { ownerOrgId, fields, participants }, viewer.userId);
  const created = await getVisible(tx, viewer, id);
  await auditService.created(tx, viewer, 'project', ownerOrgId, snapshot(created));
  return created;
}

/** Updates a project inside a transaction the caller holds. */
async function updateIn(tx: Queryable, viewer: Viewer, id: string, input: ProjectUpdate): Promise<Project> {
  const current = await ownershipForWrite(tx, viewer, id);
  sharingService.checkFieldVisibility(input, RESTRICTABLE);
  if (input.owner_org_id && input.owner_org_id !== current.owner_org_id) {
    throw errors.invalidField(
      'owner_org_id',
      'cannot be changed here; ask an administrator to transfer the project',
    );
  }
  if (current.version !== input.version) throw errors.staleVersion('project', input.version, current.version);
  const before = snapshot(await getVisible(tx, viewer, id));
  await assertIdentifiersFree(tx, viewer, current.owner_org_id, input, id);
  const participants = await resolveParticipants(tx, input.participants);
  const changesSharing =
    input.visibility !== undefined || input.shared_with !== undefined || input.embargo_until !== undefined;
  const sharing = changesSharing
    ? await sharingService.resolve(tx, input, current, current.visibility as RecordVisibility)
    : {};
  const ok = await repo.update(tx, id, input.version, {
    ownerOrgId: current.owner_org_id,
    fields: { ...input, ...sharing },
    participants,
  });
  if (!ok) throw errors.staleVersion('project', input.version, input.version + 1);
  const after = await getVisible(tx, viewer, id);
  await auditService.updated(tx, viewer, 'project', current.owner_org_id, {
    before,
    after: snapshot(after),
    touched: Object.keys(input),
  });
  return after;
}

export const projectsService = {
  createIn,
  updateIn,
  get(db: Database, viewer: Viewer, id: string) {
    return getVisible(db, viewer, id);
  },

  async list(db: Database, viewer: Viewer, query: ProjectListQuery) {
    const page = toPage(await repo.listVisible(db, viewer, query), query.limit);
    const asked = query.country;
    const items = page.items.map((row): ProjectListItem => {
      const project = projectFor(viewer, row);
      if (!asked?.length) return project;
      const regions = row.regions
        .filter((g) => asked.some((c) => regionNamed(g.name, g.code)?.countries.has(c)))
        .map((g) => g.name);
      return {
        ...project,
        country_match: { regional: !row.countries.some((c) => asked.includes(c.code)), regions },
      };
    });
    return { items, next_cursor: page.next_cursor };
  },

  async create(db: Database, viewer: Viewer, input: ProjectCreate): Promise<Project> {
    return db.transaction((tx) => createIn(tx, viewer, input));
  },

  async update(db: Database, viewer: Viewer, id: string, input: ProjectUpdate): Promise<Project> {
    return db.transaction((tx) => updateIn(tx, viewer, id, input));
  },

  /** Soft delete, with the records that belong to the project: restorable by its owner (src/trash/). */
  async remove(db: Database, viewer: Viewer, id: string, version: number | undefined, at: Date) {
    await db.transaction(async (tx) => {
      const current = await ownershipForWrite(tx, viewer, id);
      const expected = version ?? current.version;
      if (expected !== current.version) throw errors.staleVersion('project', expected, current.version);
      const before = snapshot(await getVisible(tx, viewer, id));
      if (!(await trashService.softDelete(tx, 'project', id, expected, viewer, at)))
        throw errors.staleVersion('project', expected, expected + 1);
      await auditService.deleted(tx, viewer, 'project', current.owner_org_id, before);
    });
  },
};
