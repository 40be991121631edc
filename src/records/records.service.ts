import { withheldFields } from '../access/filter.ts';
import { assertRoleIn, ownerOrgFor } from '../access/permissions.ts';
import type { RecordVisibility, Viewer } from '../access/viewer.ts';
import { auditService, snapshot } from '../audit/audit.service.ts';
import type { Database, Queryable } from '../db/client.ts';
import { toPage, toRankedPage } from '../db/pagination.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { assertVisibleToWriter } from '../projects/visible-to-writer.ts';
import { completenessOf, ELEMENTS } from '../quality/elements.ts';
import { errors } from '../server/errors.ts';
import { withhold } from '../sharing/sharing.schema.ts';
import { type SharingInput, type StoredSharing, sharingService } from '../sharing/sharing.service.ts';
import { trashService } from '../trash/trash.service.ts';
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

  /**
   * The response, with the fields this viewer may not see withheld (null and named), and the
   * record's completeness as this viewer may know it.
   */
  function respond(viewer: Viewer, row: Row): Response {
    const withheld = withheldFields(viewer, row);
    const present = (row as Row & { present_elements?: string[] }).present_elements;
    const response =
      t.completeness && present
        ? {
            ...hooks.toResponse(row),
            completeness: completenessOf(present, withheld, ELEMENTS[t.completeness.kind]),
          }
        : hooks.toResponse(row);
    return withheld.length
      ? (withhold(response as Response & { withheld_fields: string[] }, withheld) as Response)
      : response;
  }

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
    sharingService.checkFieldVisibility(input as SharingInput, t.restrictable ?? []);
    await assertVisibleToWriter(tx, viewer, input.project_id);
    await assertLinksVisible(tx, viewer, input, undefined);
    const requested = input.visibility as RecordVisibility | undefined;
    const fallback =
      requested ?? (await organisationsService.visibilityFor(tx, ownerOrgId, undefined, 'records'));
    const withVisibility = {
      ...input,
      ...(await sharingService.resolve(tx, input as SharingInput, undefined, fallback)),
    };
    const values = hooks.prepare
      ? await hooks.prepare(tx, viewer, withVisibility, undefined)
      : withVisibility;
    const id = await repo.insert(tx, ownerOrgId, viewer.userId, values);
    await hooks.afterWrite?.(tx, viewer, id, values, undefined);
    const created = await getVisible(tx, viewer, id);
    await auditService.created(tx, viewer, t.entity, ownerOrgId, snapshot(hooks.toResponse(created)));
    return respond(viewer, created);
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
    sharingService.checkFieldVisibility(input as SharingInput, t.restrictable ?? []);
    const before = snapshot(hooks.toResponse(await getVisible(tx, viewer, id)));
    if (input.project_id !== undefined) await assertVisibleToWriter(tx, viewer, input.project_id);
    await assertLinksVisible(tx, viewer, input, current);
    const shared = await sharingOf(tx, input, current);
    const values = hooks.prepare ? await hooks.prepare(tx, viewer, shared, current) : shared;
    if (!(await repo.update(tx, id, input.version, values))) {
      throw errors.staleVersion(t.entity, input.version, input.version + 1);
    }
    await hooks.afterWrite?.(tx, viewer, id, values, current);
    const afterRow = await getVisible(tx, viewer, id);
    const after = hooks.toResponse(afterRow);
    await auditService.updated(tx, viewer, t.entity, current.owner_org_id, {
      before,
      after: snapshot(after),
      touched: Object.keys(input),
    });
    return respond(viewer, afterRow);
  }

  return {
    repository: repo,
    createIn,
    updateIn,

    async get(db: Queryable, viewer: Viewer, id: string): Promise<Response> {
      return respond(viewer, await getVisible(db, viewer, id));
    },

    async list(db: Database, viewer: Viewer, query: ListOptions & Q) {
      const rows = await repo.listVisible(db, viewer, query);
      const page = t.rank
        ? toRankedPage(rows as (Row & { list_rank: number })[], query.limit)
        : toPage(rows, query.limit);
      return { items: page.items.map((row) => respond(viewer, row)), next_cursor: page.next_cursor };
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

    /** Soft delete: the record leaves every read now, and its owner can restore it (src/trash/). */
    async remove(
      db: Database,
      viewer: Viewer,
      id: string,
      version: number | undefined,
      at: Date,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const visible = await getVisible(tx, viewer, id);
        const current = await forWrite(tx, viewer, id, version ?? visible.version);
        if (!(await trashService.softDelete(tx, t.entity, id, current.version, viewer, at)))
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

/** The input with its sharing resolved against the record as it is, when it changes any of it. */
async function sharingOf<I extends Input>(tx: Queryable, input: I, current: OwnedRow): Promise<I> {
  if (input.visibility === undefined && input.shared_with === undefined && input.embargo_until === undefined)
    return input;
  const stored = current as unknown as StoredSharing;
  return {
    ...input,
    ...(await sharingService.resolve(
      tx,
      input as SharingInput,
      stored,
      stored.visibility as RecordVisibility,
    )),
  };
}

export type RecordsService = ReturnType<typeof recordsService>;
