// The rules of the audit trail: what an entry keeps (before and after values of the fields a
// change touched, a label so the trail reads in names after the record is gone), and how an
// organisation's administrators read it: filtered, with names and links, as JSON or CSV.
import { orgIdsOf, type Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import {
  type AuditEntry,
  type AuditFilter,
  listAudit,
  organisationNames,
  recordAudit,
  recordReads,
  recordSignIn,
  type SignInOutcome,
} from './audit.repository.ts';
import type { AuditedKind } from './read-paths.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the web app shows each kind of record, so an entry links to it. */
const WEB_PATHS: Record<string, string> = {
  project: '/projects/',
  document: '/documents/',
  review: '/reviews/',
  evaluation: '/evaluations/',
  recommendation: '/recommendations/',
  lesson: '/lessons/',
  meeting: '/meetings/',
  assessment: '/assessments/',
};

type Snapshot = Record<string, unknown>;

/** A record's reply as the plain values the trail keeps (dates as text). */
export function snapshot(record: unknown): Snapshot & { id: string } {
  return JSON.parse(JSON.stringify(record));
}

/** What a person would call a record: its title, else the start of its text, else its period. */
export function labelOf(record: Snapshot): string | null {
  for (const key of ['title', 'name', 'text', 'period_label', 'filename']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim())
      return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  return null;
}

/** The fields `touched` whose value differs between before and after, each with both values. */
export function changesBetween(before: Snapshot, after: Snapshot, touched: string[]) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of touched) {
    if (key === 'version') continue;
    const was = before[key] ?? null;
    const is = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[key] = { before: was, after: is };
  }
  return changes;
}

/** The sharing fields of a record's reply: a change to any of them is a share entry too. */
const SHARING_FIELDS = ['visibility', 'shared_with', 'embargo_until', 'field_visibility'] as const;

/**
 * A 'share' entry: who a record was shared with before and after, the organisations by name, so
 * the owner can check later whom they opened it to.
 */
async function recordShare(
  tx: Queryable,
  viewer: Viewer,
  entity: string,
  orgId: string,
  change: { before: Snapshot | null; after: Snapshot & { id: string } },
) {
  const listOf = (s: Snapshot | null) => (Array.isArray(s?.shared_with) ? (s.shared_with as string[]) : []);
  const names = await organisationNames(tx, [...listOf(change.before), ...listOf(change.after)]);
  const named = (s: Snapshot | null) => listOf(s).map((id) => ({ id, name: names.get(id) ?? null }));
  const sharing = (s: Snapshot | null) =>
    s && { ...Object.fromEntries(SHARING_FIELDS.map((k) => [k, s[k] ?? null])), shared_with: named(s) };
  await recordAudit(tx, viewer, {
    action: 'share',
    entityType: entity,
    entityId: change.after.id,
    orgId,
    details: { label: labelOf(change.after), before: sharing(change.before), after: sharing(change.after) },
  });
}

export const auditService = {
  async created(
    tx: Queryable,
    viewer: Viewer,
    entity: string,
    orgId: string,
    after: Snapshot & { id: string },
  ) {
    await recordAudit(tx, viewer, {
      action: 'create',
      entityType: entity,
      entityId: after.id,
      orgId,
      details: { label: labelOf(after), after },
    });
    if (after.visibility === 'shared') await recordShare(tx, viewer, entity, orgId, { before: null, after });
  },

  async updated(
    tx: Queryable,
    viewer: Viewer,
    entity: string,
    orgId: string,
    change: { before: Snapshot & { id: string }; after: Snapshot; touched: string[] },
  ) {
    const changes = changesBetween(change.before, change.after, change.touched);
    if (SHARING_FIELDS.some((k) => k in changes))
      await recordShare(tx, viewer, entity, orgId, {
        before: change.before,
        after: { ...change.after, id: change.before.id },
      });
    await recordAudit(tx, viewer, {
      action: 'update',
      entityType: entity,
      entityId: change.before.id,
      orgId,
      details: {
        label: labelOf(change.after),
        fields: change.touched.filter((k) => k !== 'version'),
        changes,
      },
    });
  },

  /** A deletion keeps the whole record as it was, so the trail still says what went. */
  deleted(tx: Queryable, viewer: Viewer, entity: string, orgId: string, before: Snapshot & { id: string }) {
    return recordAudit(tx, viewer, {
      action: 'delete',
      entityType: entity,
      entityId: before.id,
      orgId,
      details: { id: before.id, label: labelOf(before), before },
    });
  },

  /** A deleted record put back by its owner's editor. */
  restored(
    tx: Queryable,
    viewer: Viewer,
    entity: string,
    orgId: string,
    record: { id: string; label: string | null },
  ) {
    return recordAudit(tx, viewer, {
      action: 'restore',
      entityType: entity,
      entityId: record.id,
      orgId,
      details: { label: record.label },
    });
  },

  /** A deleted record gone for good after its restore window (by the purge job, no user). */
  purged(
    tx: Queryable,
    viewer: Viewer,
    entity: string,
    orgId: string,
    record: { id: string; label: string | null; deleted_at: string },
  ) {
    return recordAudit(tx, viewer, {
      action: 'purge',
      entityType: entity,
      entityId: record.id,
      orgId,
      details: record,
    });
  },

  /**
   * A signed-in reader opened records not everyone may see (owner-only or shared): each is noted
   * in its owner's trail, so the owner can check later who looked. Public and network records are
   * not, or every page view would be (the rule: docs/ARCHITECTURE.md). `via` is the route.
   */
  async read(db: Queryable, viewer: Viewer, read: { kind: AuditedKind; ids: string[]; via: string }) {
    const ids = read.ids.filter((id) => UUID.test(id));
    if (viewer.userId === null || !ids.length) return;
    await recordReads(db, { ...viewer, userId: viewer.userId }, { ...read, ids });
  },

  /** An export leaves the system: noted for each organisation the reader acts for (or the one it is of). */
  async exported(
    db: Queryable,
    viewer: Viewer,
    what: string,
    query: Record<string, unknown>,
    ofOrg?: string,
  ) {
    for (const orgId of ofOrg ? [ofOrg] : orgIdsOf(viewer))
      await recordAudit(db, viewer, {
        action: 'export',
        entityType: what,
        entityId: null,
        orgId,
        details: { query },
      });
  },

  /**
   * A sign-in, failed sign-in or lock-out of `account`, for its organisations' administrators;
   * nothing for an address without an account, and no sign that it has none.
   */
  signIn(
    db: Queryable,
    account: string,
    outcome: SignInOutcome,
    client: { ip: string | null; reason?: string },
  ) {
    return recordSignIn(db, account, { outcome, ...client });
  },

  async list(db: Queryable, filter: AuditFilter) {
    const rows = await listAudit(db, filter);
    const items = rows.slice(0, filter.limit).map((r) => {
      const label = typeof r.details.label === 'string' ? r.details.label : null;
      const gone = r.action === 'delete' || r.action === 'purge';
      const path = r.entity_id && !gone ? WEB_PATHS[r.entity_type] : undefined;
      return {
        ...r,
        actor: r.user_id ? { id: r.user_id, name: r.user_name, email: r.user_email } : null,
        record: r.entity_id
          ? { type: r.entity_type, id: r.entity_id, label, link: path ? `${path}${r.entity_id}` : null }
          : null,
      };
    });
    return { items, next_cursor: rows.length > filter.limit ? String(items[items.length - 1]!.id) : null };
  },
};

export type { AuditEntry };

/** The trail as CSV: one row per entry, names and labels, the details as JSON. */
export function auditCsv(items: Awaited<ReturnType<typeof auditService.list>>['items']): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = [
    'at',
    'actor_name',
    'actor_email',
    'action',
    'record_type',
    'record_id',
    'record',
    'link',
    'details',
  ];
  const lines = items.map((i) =>
    [
      i.at.toISOString(),
      i.actor?.name,
      i.actor?.email,
      i.action,
      i.entity_type,
      i.entity_id,
      i.record?.label,
      i.record?.link,
      i.details,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
