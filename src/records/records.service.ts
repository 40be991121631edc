import { assertRoleIn, ownerOrgFor } from '../access/permissions.ts';
import type { Viewer, Visibility } from '../access/viewer.ts';
import { auditService, snapshot } from '../audit/audit.service.ts';
import type { Database, Queryable } from '../db/client.ts';
import { toPage } from '../db/pagination.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { assertVisibleToWriter } from '../projects/visible-to-writer.ts';
import { errors } from '../server/errors.ts';
import { assertLinksVisible } from './record-links.ts';
import type { OwnedRow, RecordTable } from './record-table.ts';
import { type ListOptions, recordsRepository } from './records.repository.ts';

type Input = Record<string, unknown> & { owner_org_id?: string; project_id?: string | null };

export interface RecordHooks<Row extends OwnedRow, Response> {
  toResponse(row: Row): Response;
  /** Checks and turns input into column values (e.g. names into ids); runs inside the write's transaction. */
  prepare?(tx: Queryable, viewer: Viewer, input: Input, current: Row | undefined): Promise<Input>;
  /** Runs after the row is written, in the same transaction (e.g. a status history). */
  afterWrite?(
    tx: Queryable,
    viewer: Viewer,
    id: string,
    input: Input,
    before: Row | undefined,
  ): Promise<void>;
}

export function recordsService<Row extends OwnedRow, Q, Response>(
  t: RecordTable<Q>,
  hooks: RecordHooks<Row, Response>,
) {
  const repo = recordsRepository<Row, Q>(t);

  async function getVisible(db: Queryable, viewer: Viewer, id: string): Promise<Row> {
    const row = await repo.findVisible(db, viewer, id);
    if (!row) throw errors.notFound(t.entity, id);
    return row;
  }

  /** The current row, if visible, and the right to change it. */
  async function forWrite(tx: Queryable, viewer: Viewer, id: string, version: number): Promise<Row> {
    const current = await getVisible(tx, viewer, id);
    assertRoleIn(viewer, current.owner_org_id, 'editor');
    if (current.version !== version) throw errors.staleVersion(t.entity, version, current.version);
    return current;
  }

  /** `create` inside a transaction the caller holds, so several writes commit or fail together. */
  async function createIn(tx: Queryable, viewer: Viewer, input: Input): Promise<Response> {
    const ownerOrgId = ownerOrgFor(viewer, input.owner_org_id);
    await assertVisibleToWriter(tx, viewer, input.project_id);
    await assertLinksVisible(tx, viewer, input, undefined);
    const requested = input.visibility as Visibility | undefined;
    const visibility = await organisationsService.visibilityFor(tx, ownerOrgId, requested, 'records');
    const withVisibility = { ...input, visibility };
    const values = hooks.prepare
      ? await hooks.prepare(tx, viewer, withVisibility, undefined)
      : withVisibility;
    const id = await repo.insert(tx, ownerOrgId, viewer.userId, values);
    await hooks.afterWrite?.(tx, viewer, id, values, undefined);
    const created = hooks.toResponse(await getVisible(tx, viewer, id));
    await auditService.created(tx, viewer, t.entity, ownerOrgId, snapshot(created));
    return created;
  }

  /** `update` inside a transaction the caller holds. */
  async function updateIn(
    tx: Queryable,
    viewer: Viewer,
    id: string,
    input: Input & { version: number },
  ): Promise<Response> {
    const current = await forWrite(tx, viewer, id, input.version);
    if (input.owner_org_id && input.owner_org_id !== current.owner_org_id) {
      throw errors.invalidField('owner_org_id', 'cannot be changed');
    }
    const before = snapshot(hooks.toResponse(await getVisible(tx, viewer, id)));
    if (input.project_id !== undefined) await assertVisibleToWriter(tx, viewer, input.project_id);
    await assertLinksVisible(tx, viewer, input, current);
    const values = hooks.prepare ? await hooks.prepare(tx, viewer, input, current) : input;
    if (!(await repo.update(tx, id, input.version, values))) {
      throw errors.staleVersion(t.entity, input.version, input.version + 1);
    }
    await hooks.afterWrite?.(tx, viewer, id, values, current);
    const after = hooks.toResponse(await getVisible(tx, viewer, id));
    await auditService.updated(tx, viewer, t.entity, current.owner_org_id, {
      before,
      after: snapshot(after),
      touched: Object.keys(input),
    });
    return after;
  }

  return {
    repository: repo,
    createIn,
    updateIn,

    async get(db: Database, viewer: Viewer, id: string): Promise<Response> {
      const record = hooks.toResponse(await getVisible(db, viewer, id));
      await auditService.read(db, viewer, t.entity, snapshot(record));
      return record;
    },

    async list(db: Database, viewer: Viewer, query: ListOptions & Q) {
      const page = toPage(await repo.listVisible(db, viewer, query), query.limit);
      return { items: page.items.map(hooks.toResponse), next_cursor: page.next_cursor };
    },

    async create(db: Database, viewer: Viewer, input: Input): Promise<Response> {
      return db.transaction((tx) => createIn(tx, viewer, input));
    },

    async update(
      db: Database,
      viewer: Viewer,
      id: string,
      input: Input & { version: number },
    ): Promise<Response> {
      return db.transaction((tx) => updateIn(tx, viewer, id, input));
    },

    async remove(db: Database, viewer: Viewer, id: string, version: number | undefined): Promise<void> {
      await db.transaction(async (tx) => {
        const visible = await getVisible(tx, viewer, id);
        const current = await forWrite(tx, viewer, id, version ?? visible.version);
        if (!(await repo.delete(tx, id, current.version)))
          throw errors.staleVersion(t.entity, current.version, current.version + 1);
        await auditService.deleted(
          tx,
          viewer,
          t.entity,
          current.owner_org_id,
          snapshot(hooks.toResponse(visible)),
        );
      });
    },
  };
}

export type RecordsService = ReturnType<typeof recordsService>;
