// Rules for the organisation directory: anyone signed in may register an organisation (so a
// partner can be named before it joins); once it has members, only its administrators edit it.
import { assertCanWrite, assertRoleIn } from '../access/permissions.ts';
import { hasRole, type Viewer, type Visibility } from '../access/viewer.ts';
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

/** Sharing defaults are the organisation's policy: its administrators alone set them. */
async function assertCanSetDefaults(db: Database, viewer: Viewer, id: string) {
  const org = await repo.findById(db, id);
  if (!org) throw errors.notFound('organisation', id);
  assertCanWrite(viewer);
  if (!hasRole(viewer, id, 'admin')) {
    throw errors.forbidden(
      `Only administrators of ${org.name} may change its sharing defaults ` +
        '(default_visibility, default_document_visibility). Ask one of them, or leave these fields out.',
    );
  }
}

/** What an update changes in the sharing defaults, for the audit trail. */
function defaultsChanged(before: Record<string, unknown>, input: OrganisationUpdate) {
  const keys = ['default_visibility', 'default_document_visibility'] as const;
  return Object.fromEntries(
    keys
      .filter((k) => input[k] !== undefined && input[k] !== before[k])
      .map((k) => [k, { from: before[k], to: input[k] }]),
  );
}

/**
 * The visibility of a new record or document: the one its writer asked for, else its owner
 * organisation's sharing default for that kind.
 */
async function visibilityFor(
  db: Queryable,
  ownerOrgId: string,
  requested: Visibility | undefined,
  kind: 'records' | 'documents',
): Promise<Visibility> {
  if (requested) return requested;
  const defaults = await repo.sharingDefaults(db, ownerOrgId);
  if (!defaults) throw errors.invalidField('owner_org_id', `no organisation ${ownerOrgId} exists`);
  return defaults[kind];
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
  visibilityFor,

  async update(db: Database, viewer: Viewer, id: string, input: OrganisationUpdate) {
    if (input.default_visibility !== undefined || input.default_document_visibility !== undefined)
      await assertCanSetDefaults(db, viewer, id);
    const current = await assertCanEdit(db, viewer, id);
    await assertNameFree(db, input.name, input.acronym, id);
    if (input.parent_id === id) throw errors.invalidField('parent_id', 'cannot be the organisation itself');
    return db.transaction(async (tx) => {
      const row = await repo.update(tx, id, input);
      if (!row) throw errors.staleVersion('organisation', input.version, current.version);
      const sharingDefaults = defaultsChanged(current, input);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'organisation',
        entityId: id,
        orgId: id,
        details: {
          fields: Object.keys(input).filter((k) => k !== 'version'),
          ...(Object.keys(sharingDefaults).length ? { sharing_defaults: sharingDefaults } : {}),
        },
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
