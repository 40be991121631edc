// Signed links that let the person responsible for one key action record its progress without
// signing in. A link is single purpose (one action of one recommendation), lasts 72 hours, works
// once, and every use is audited. Its token carries what it is for and an HMAC of that, so a
// changed token is refused before the database is asked anything.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { followUpRepository } from '../recommendations/follow-up.repository.ts';
import { AppError } from '../server/errors.ts';
import { type Clock, dayOf } from './clock.ts';
import { type KeyAction, linksRepository } from './links.repository.ts';

export const LINK_LIFETIME_HOURS = 72;

interface Payload {
  /** Link id (its row in action_links). */
  l: string;
  r: string;
  a: number;
  /** The action's text as it was when the link was made, hashed: a reordered list cannot redirect it. */
  h: string;
  /** Expiry, seconds since the epoch. */
  x: number;
}

/** The responsible organisation as a reader: what its members may see, nothing more. */
export function organisationViewer(orgId: string): Viewer {
  return { userId: null, email: null, memberships: new Map([[orgId, 'viewer']]), scope: 'read' };
}

const textHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

const refused = {
  invalid: () =>
    new AppError(
      403,
      'link_invalid',
      'This link is not valid: it may have been altered or cut short. Open the link exactly as the e-mail gives it, or sign in to record progress.',
    ),
  otherAction: () =>
    new AppError(
      403,
      'link_other_action',
      'This link is for another key action. Each link records progress on the one key action it was sent for.',
    ),
  expired: (at: string) =>
    new AppError(
      410,
      'link_expired',
      `This link expired at ${at} (links last ${LINK_LIFETIME_HOURS} hours). Sign in to record progress, or use the link in the next digest.`,
      { expired_at: at },
    ),
  used: () =>
    new AppError(409, 'link_used', 'This link has already been used. Sign in to record further progress.'),
  changed: () =>
    new AppError(
      409,
      'action_changed',
      'This key action was changed or removed since the link was sent. Sign in to see the current key actions.',
    ),
  closed: (status: string) =>
    new AppError(
      409,
      'action_closed',
      `This key action is already ${status.replaceAll('_', ' ')}: progress can only be recorded on an open action.`,
      { status },
    ),
};

async function verify(db: Queryable, clock: Clock, token: string) {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw refused.invalid();
  const expected = Buffer.from(sign(await linksRepository.signingSecret(db), body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused.invalid();
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  if (payload.x * 1000 <= clock.now().getTime())
    throw refused.expired(new Date(payload.x * 1000).toISOString());
  const link = await linksRepository.find(db, payload.l);
  if (!link || link.recommendation_id !== payload.r || link.action_index !== payload.a)
    throw refused.invalid();
  return { payload, link };
}

function actionAt(actions: KeyAction[], payload: Payload): KeyAction {
  const action = actions[payload.a];
  if (!action || textHash(action.text) !== payload.h) throw refused.changed();
  return action;
}

export interface ProgressInput {
  status: 'in_progress' | 'completed' | 'no_longer_applicable';
  comment: string;
  evidence_url?: string | undefined;
}

export const linksService = {
  /** Makes a link for one key action, sent to one member of the responsible organisation. */
  async issue(
    db: Queryable,
    clock: Clock,
    a: { recommendationId: string; actionIndex: number; actionText: string; orgId: string; userId: string },
  ): Promise<string> {
    const now = clock.now();
    const expires = new Date(now.getTime() + LINK_LIFETIME_HOURS * 3_600_000);
    const payload: Payload = {
      l: randomUUID(),
      r: a.recommendationId,
      a: a.actionIndex,
      h: textHash(a.actionText),
      x: Math.floor(expires.getTime() / 1000),
    };
    await linksRepository.insert(db, {
      id: payload.l,
      recommendation_id: a.recommendationId,
      action_index: a.actionIndex,
      org_id: a.orgId,
      user_id: a.userId,
      expires_at: new Date(payload.x * 1000).toISOString(),
      created_at: now.toISOString(),
    });
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${sign(await linksRepository.signingSecret(db), body)}`;
  },

  /** What a link is for, so the page it opens can show the action before anything is recorded. */
  async inspect(db: Queryable, clock: Clock, token: string) {
    const { payload, link } = await verify(db, clock, token);
    if (link.used_at) throw refused.used();
    const rec = await linksRepository.recommendation(db, organisationViewer(link.org_id), payload.r, false);
    if (!rec) throw refused.changed();
    const action = actionAt(rec.key_actions, payload);
    return {
      recommendation_id: rec.id,
      action_index: payload.a,
      recommendation_text: rec.text,
      action: {
        text: action.text,
        owner: action.owner ?? null,
        due_on: action.due_on ?? null,
        status: action.status,
      },
      expires_at: new Date(payload.x * 1000).toISOString(),
    };
  },

  /** Records progress on the link's key action: all of it in one transaction, or nothing. */
  async recordProgress(
    db: Database,
    clock: Clock,
    token: string,
    target: { recommendationId: string; actionIndex: number },
    input: ProgressInput,
  ) {
    const { payload, link } = await verify(db, clock, token);
    if (payload.r !== target.recommendationId || payload.a !== target.actionIndex)
      throw refused.otherAction();
    if (link.used_at) throw refused.used();
    return db.transaction(async (tx) => {
      const org = organisationViewer(link.org_id);
      const rec = await linksRepository.recommendation(tx, org, payload.r, true);
      if (!rec) throw refused.changed();
      const action = actionAt(rec.key_actions, payload);
      if (action.status === 'completed' || action.status === 'no_longer_applicable')
        throw refused.closed(action.status);
      const now = clock.now();
      if (!(await linksRepository.markUsed(tx, link.id, now))) throw refused.used();
      const updated: KeyAction = {
        ...action,
        status: input.status,
        completed_on: input.status === 'completed' ? dayOf(now) : (action.completed_on ?? null),
      };
      const actions = rec.key_actions.map((a, i) => (i === payload.a ? updated : a));
      await linksRepository.saveKeyActions(tx, rec.id, actions);
      // The same dated progress line as an update made signed in, so the action's history is whole.
      await followUpRepository.addProgress(tx, {
        recommendationId: rec.id,
        actionIndex: payload.a,
        reportedOn: dayOf(now),
        fromStatus: action.status,
        status: input.status,
        comment: input.comment,
        evidenceUrl: input.evidence_url ?? null,
        evidenceDocumentId: null,
        orgId: link.org_id,
        userId: link.user_id,
        via: 'signed_link',
      });
      await recordAudit(
        tx,
        { ...org, userId: link.user_id },
        {
          action: 'update',
          entityType: 'recommendation',
          entityId: rec.id,
          // In the trail of the organisation that owns the record, naming who acted.
          orgId: rec.owner_org_id,
          details: {
            via: 'signed_link',
            responsible_org_id: link.org_id,
            link_id: link.id,
            action_index: payload.a,
            from_status: action.status,
            status: input.status,
            comment: input.comment,
            evidence_url: input.evidence_url ?? null,
            at: now.toISOString(),
          },
        },
      );
      return { recommendation_id: rec.id, action_index: payload.a, action: updated };
    });
  },
};
