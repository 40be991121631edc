// A recommendation followed to closure: dated progress on its key actions by the organisation
// responsible for each, the responsible organisation's own rating of how far it is implemented
// beside the owner's validation, and the register's counts and implementation rate.

import type { z } from 'zod';
import { accessDenied } from '../access/errors.ts';
import { assertCanWrite } from '../access/permissions.ts';
import { hasRole, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { isLinkVisible } from '../records/records.repository.ts';
import { csvRows } from '../server/csv-reply.ts';
import { AppError, errors } from '../server/errors.ts';
import { type FollowUpRow, followUpRepository, type KeyAction } from './follow-up.repository.ts';
import type { ImplementationRate } from './follow-up.schema.ts';
import type { Filters } from './recommendations.repository.ts';
import type { Recommendation } from './recommendations.schema.ts';
import { recommendationsService } from './recommendations.service.ts';

/** The recommendation as the API answers it, after a change. */
const reread = (tx: Queryable, viewer: Viewer, id: string) =>
  recommendationsService.get(tx, viewer, id) as Promise<z.infer<typeof Recommendation>>;

export const CLOSED_ACTION = ['completed', 'no_longer_applicable'];

export const progressRefused = {
  closedAction: (status: string) =>
    new AppError(
      409,
      'action_closed',
      `This key action is already ${status.replaceAll('_', ' ')}: progress can only be recorded on an open action.`,
      { status },
    ),
  closedRecommendation: () =>
    new AppError(
      409,
      'recommendation_closed',
      'This recommendation is closed: reopen it (status open or in progress) before recording progress.',
    ),
};

export interface ProgressInput {
  status: 'in_progress' | 'completed' | 'no_longer_applicable';
  comment: string;
  reported_on?: string | undefined;
  evidence_url?: string | undefined;
  evidence_document_id?: string | undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

async function forChange(tx: Queryable, viewer: Viewer, id: string): Promise<FollowUpRow> {
  const rec = await followUpRepository.forChange(tx, viewer, id);
  if (!rec) throw errors.notFound('recommendation', id);
  return rec;
}

/** The organisations responsible for a recommendation: those of its key actions, or its owner. */
function responsibleFor(rec: FollowUpRow): string[] {
  return rec.responsible.length ? [...new Set(rec.responsible)].sort() : [rec.owner_org_id];
}

function editorIn(viewer: Viewer, orgIds: string[], who: string): string {
  assertCanWrite(viewer);
  const org = orgIds.find((o) => hasRole(viewer, o, 'editor'));
  if (!org) throw accessDenied.forbidden(`Only editors and administrators of ${who} may do this.`);
  return org;
}

export const followUpService = {
  async recordProgress(db: Database, viewer: Viewer, id: string, index: number, input: ProgressInput) {
    return db.transaction(async (tx) => {
      const rec = await forChange(tx, viewer, id);
      const action = rec.key_actions[index];
      if (!action) throw errors.notFound('key action', `${id}/${index}`);
      const orgId = editorIn(
        viewer,
        [rec.responsible[index]!],
        'the organisation responsible for this key action',
      );
      if (rec.status === 'closed') throw progressRefused.closedRecommendation();
      if (CLOSED_ACTION.includes(action.status)) throw progressRefused.closedAction(action.status);
      const reportedOn = input.reported_on ?? today();
      if (reportedOn > today())
        throw errors.invalidField('reported_on', 'is in the future: report progress already made');
      if (
        input.evidence_document_id &&
        !(await isLinkVisible(tx, viewer, 'documents', input.evidence_document_id))
      )
        throw errors.invalidField('evidence_document_id', 'names no document you may see');
      const updated: KeyAction = {
        ...action,
        status: input.status,
        completed_on: input.status === 'completed' ? reportedOn : (action.completed_on ?? null),
      };
      await followUpRepository.saveKeyActions(
        tx,
        id,
        rec.key_actions.map((a, i) => (i === index ? updated : a)),
      );
      await followUpRepository.addProgress(tx, {
        recommendationId: id,
        actionIndex: index,
        reportedOn,
        fromStatus: action.status,
        status: input.status,
        comment: input.comment,
        evidenceUrl: input.evidence_url ?? null,
        evidenceDocumentId: input.evidence_document_id ?? null,
        orgId,
        userId: viewer.userId,
        via: 'api',
      });
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'recommendation',
        entityId: id,
        orgId: rec.owner_org_id,
        details: {
          progress: {
            action_index: index,
            from_status: action.status,
            status: input.status,
            responsible_org_id: orgId,
          },
        },
      });
      return reread(tx, viewer, id);
    });
  },

  async rate(
    db: Database,
    viewer: Viewer,
    id: string,
    input: { kind: 'self' | 'validation'; rating: string; comment?: string | undefined },
  ) {
    return db.transaction(async (tx) => {
      const rec = await forChange(tx, viewer, id);
      const orgId =
        input.kind === 'self'
          ? editorIn(viewer, responsibleFor(rec), 'the organisation responsible for this recommendation')
          : editorIn(viewer, [rec.owner_org_id], 'the organisation that owns this recommendation');
      await followUpRepository.addRating(tx, {
        recommendationId: id,
        kind: input.kind,
        rating: input.rating,
        comment: input.comment ?? null,
        orgId,
        userId: viewer.userId,
      });
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'recommendation',
        entityId: id,
        orgId: rec.owner_org_id,
        details: { rating: { kind: input.kind, rating: input.rating, org_id: orgId } },
      });
      return reread(tx, viewer, id);
    });
  },

  counts(db: Database, viewer: Viewer, q: Filters) {
    return followUpRepository.counts(db, viewer, q);
  },

  async implementationRate(
    db: Database,
    viewer: Viewer,
    q: Filters & { by: string },
  ): Promise<ImplementationRate> {
    const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : null);
    const rows = await followUpRepository.implementationRate(db, viewer, q);
    return {
      by: q.by,
      groups: rows.map((g) => ({
        ...g,
        implemented_share: share(g.implemented, g.recommendations),
        validated_share: share(g.validated, g.recommendations),
      })),
    };
  },

  rateCsv(rate: ImplementationRate): string {
    const head = [
      rate.by,
      'label',
      'recommendations',
      'implemented',
      'implemented_share',
      'validated',
      'validated_share',
    ];
    return csvRows([
      head,
      ...rate.groups.map((g) => [
        g.key,
        g.label,
        g.recommendations,
        g.implemented,
        g.implemented_share,
        g.validated,
        g.validated_share,
      ]),
    ]);
  },
};
