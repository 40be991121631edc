// Rules for the organisation directory: an editor or administrator of any organisation may register
// one (so a partner can be named before it joins); only the organisation's own administrators or a
// network administrator may change or delete it. No name, acronym or alias may copy another
// organisation's, and naming a parent takes the parent's administrators (or a network administrator).
import { isNetworkAdmin } from '../access/network-admin.repository.ts';
import { assertCanWrite } from '../access/permissions.ts';
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

/**
 * A name must not be any other organisation's name, acronym or alias (they are how documents and
 * imports resolve an organisation); an acronym or an alias must not be another's name or acronym.
 */
async function assertNameFree(
  db: Queryable,
  input: { name?: string; acronym?: string | null; aliases?: string[] },
  selfId?: string,
) {
  const values: [string, string | null | undefined][] = [
    ['name', input.name],
    ['acronym', input.acronym],
    ...(input.aliases ?? []).map((a, i): [string, string] => [`aliases.${i}`, a]),
  ];
  for (const [field, value] of values) {
    if (!value) continue;
    const existing =
      field === 'name'
        ? await repo.findByAnyName(db, value)
        : await repo.findOtherByNameOrAcronym(db, value, selfId);
    if (existing && existing.id !== selfId) {
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
  if (!hasRole(viewer, id, 'admin') && !(await isNetworkAdmin(db, viewer))) {
    throw errors.forbidden(
      `Only administrators of ${org.name} or a network administrator may change the directory entry of ${org.name}.`,
    );
  }
  return org;
}

/** Registering an organisation takes the editor role somewhere (a viewer only reads). */
async function assertCanRegister(db: Queryable, viewer: Viewer) {
  assertCanWrite(viewer);
  if ([...viewer.memberships.values()].some((role) => role !== 'viewer')) return;
  if (await isNetworkAdmin(db, viewer)) return;
  throw errors.forbidden(
    'Only editors and administrators may register an organisation; you are a viewer only.',
  );
}

/** Placing an organisation under a parent speaks for the parent: its administrators decide. */
async function assertMayNameParent(db: Queryable, viewer: Viewer, parentId: string) {
  const parent = await repo.findById(db, parentId);
  if (!parent) throw errors.invalidField('parent_id', 'is not an existing organisation');
  if (hasRole(viewer, parentId, 'admin') || (await isNetworkAdmin(db, viewer))) return;
  throw errors.forbidden(
    `Only administrators of ${parent.name} or a network administrator may place an organisation under it (parent_id).`,
  );
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
  if (!opts.bootstrap) await assertCanRegister(tx, viewer);
  await assertNameFree(tx, input);
  if (input.parent_id) {
    if (opts.bootstrap) {
      if (!(await repo.findById(tx, input.parent_id)))
        throw errors.invalidField('parent_id', 'is not an existing organisation');
    } else await assertMayNameParent(tx, viewer, input.parent_id);
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
    await assertNameFree(db, input, id);
    if (input.parent_id === id) throw errors.invalidField('parent_id', 'cannot be the organisation itself');
    if (input.parent_id && input.parent_id !== current.parent_id)
      await assertMayNameParent(db, viewer, input.parent_id);
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
