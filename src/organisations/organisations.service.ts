// Rules for the organisation directory: anyone signed in may register an organisation (so a
// partner can be named before it joins); once it has members, only its administrators edit it.
import { assertCanWrite, assertRoleIn } from '../access/permissions.ts';
import { hasRole, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { toPage } from '../db/pagination.ts';
import { errors } from '../server/errors.ts';
import { organisationsRepository as repo } from './organisations.repository.ts';
import type {
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from './organisations.schema.ts';

function publicFields<T extends { seq: number; created_by_org_id: string | null }>(row: T) {
  const { seq: _seq, created_by_org_id: _by, ...rest } = row;
  return rest;
}

async function assertNameFree(
  db: Queryable,
  name: string | undefined,
  acronym: string | null | undefined,
  selfId?: string,
) {
  for (const [field, value] of [
    ['name', name],
    ['acronym', acronym],
  ] as const) {
    if (!value) continue;
    const existing = await repo.findByAnyName(db, value);
    if (
      existing &&
      existing.id !== selfId &&
      (field === 'name' || existing.acronym?.toLowerCase() === value.toLowerCase())
    ) {
      throw errors.conflict(
        'duplicate',
        `"${value}" already names the organisation ${existing.name} (id ${existing.id}).`,
        {
          field,
          existing_id: existing.id,
        },
      );
    }
  }
}

async function assertCanEdit(db: Database, viewer: Viewer, id: string) {
  const org = await repo.findById(db, id);
  if (!org) throw errors.notFound('organisation', id);
  assertCanWrite(viewer);
  const members = await repo.memberCount(db, id);
  const byCreator =
    members === 0 && org.created_by_org_id && hasRole(viewer, org.created_by_org_id, 'editor');
  if (!byCreator) assertRoleIn(viewer, id, 'admin');
  return org;
}

/** Creates an organisation inside a transaction the caller holds (e.g. one proposed by a document). */
async function createIn(
  tx: Queryable,
  viewer: Viewer,
  input: OrganisationCreate,
  opts: { bootstrap?: boolean } = {},
) {
  if (!opts.bootstrap) assertCanWrite(viewer);
  await assertNameFree(tx, input.name, input.acronym);
  if (input.parent_id && !(await repo.findById(tx, input.parent_id))) {
    throw errors.invalidField('parent_id', 'is not an existing organisation');
  }
  const createdBy = [...viewer.memberships].find(([, role]) => role !== 'viewer')?.[0] ?? null;
  const row = await repo.insert(tx, input, createdBy);
  await recordAudit(tx, viewer, {
    action: 'create',
    entityType: 'organisation',
    entityId: row.id,
    orgId: createdBy,
  });
  return publicFields(row);
}

export const organisationsService = {
  async get(db: Database, id: string) {
    const org = await repo.findById(db, id);
    if (!org) throw errors.notFound('organisation', id);
    return publicFields(org);
  },

  async list(db: Database, query: OrganisationListQuery) {
    const page = toPage(await repo.list(db, query), query.limit);
    return { items: page.items.map(publicFields), next_cursor: page.next_cursor };
  },

  /** Creates an organisation. The CLI passes `bootstrap` to create the first ones with no viewer. */
  async create(db: Database, viewer: Viewer, input: OrganisationCreate, opts: { bootstrap?: boolean } = {}) {
    return db.transaction((tx) => createIn(tx, viewer, input, opts));
  },

  createIn,

  async update(db: Database, viewer: Viewer, id: string, input: OrganisationUpdate) {
    const current = await assertCanEdit(db, viewer, id);
    await assertNameFree(db, input.name, input.acronym, id);
    if (input.parent_id === id) throw errors.invalidField('parent_id', 'cannot be the organisation itself');
    return db.transaction(async (tx) => {
      const row = await repo.update(tx, id, input);
      if (!row) throw errors.staleVersion('organisation', input.version, current.version);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'organisation',
        entityId: id,
        orgId: id,
      });
      return publicFields(row);
    });
  },

  async remove(db: Database, viewer: Viewer, id: string) {
    await assertCanEdit(db, viewer, id);
    try {
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, viewer, {
          action: 'delete',
          entityType: 'organisation',
          entityId: null,
          orgId: null,
          details: { id },
        });
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23503') {
        throw errors.conflict(
          'in_use',
          'This organisation still owns or takes part in records; reassign them first.',
        );
      }
      throw err;
    }
  },
};
