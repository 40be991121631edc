// The daily digest of a responsible organisation: its key actions due within 14 days, those
// overdue, and its records not updated for 12 months. Readable by its members at any time, and
// e-mailed once a day to each administrator and editor who has not turned digests off.
import { isSignedIn, type Viewer } from '../access/viewer.ts';
import type { Database, Queryable } from '../db/client.ts';
import { AppError, errors } from '../server/errors.ts';
import { type Clock, dayOf } from './clock.ts';
import { composeDigestMail } from './digest.mail.ts';
import {
  type DigestActionRow,
  digestRepository,
  organisationName,
  type StaleRow,
} from './digest.repository.ts';
import { linksService, organisationViewer } from './links.service.ts';
import type { Mailer } from './mailer.ts';

export const DUE_SOON_DAYS = 14;
export const STALE_AFTER_MONTHS = 12;

export type DigestAction = DigestActionRow & { days: number };

export interface Digest {
  organisation: { id: string; name: string };
  as_of: string;
  due_soon: DigestAction[];
  overdue: DigestAction[];
  stale: StaleRow[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

function shiftDay(day: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return dayOf(d);
}

async function build(db: Queryable, org: { id: string; name: string }, day: string): Promise<Digest> {
  const reader = organisationViewer(org.id);
  const actions = await digestRepository.actionsDueBy(
    db,
    reader,
    org.id,
    shiftDay(day, { days: DUE_SOON_DAYS }),
  );
  const stale = await digestRepository.staleRecords(
    db,
    reader,
    org.id,
    shiftDay(day, { months: -STALE_AFTER_MONTHS }),
  );
  return {
    organisation: org,
    as_of: day,
    overdue: actions.filter((a) => a.due_on < day).map((a) => ({ ...a, days: daysBetween(a.due_on, day) })),
    due_soon: actions.filter((a) => a.due_on >= day).map((a) => ({ ...a, days: daysBetween(day, a.due_on) })),
    stale,
  };
}

const isEmpty = (d: Digest) => !d.due_soon.length && !d.overdue.length && !d.stale.length;

export const digestService = {
  /** The digest as of today, for a member of the organisation. */
  async forMember(db: Queryable, viewer: Viewer, clock: Clock, orgId: string): Promise<Digest> {
    requireMember(
      viewer,
      orgId,
      'Only members of an organisation may read its digest. Name one of your organisations.',
    );
    const name = await organisationName(db, orgId);
    if (!name) throw errors.notFound('organisation', orgId);
    return build(db, { id: orgId, name }, dayOf(clock.now()));
  },

  async deliveries(db: Queryable, viewer: Viewer, orgId: string) {
    requireMember(viewer, orgId, 'Only members of an organisation may see the digests sent to it.');
    return digestRepository.deliveries(db, orgId, 100);
  },

  async preferences(db: Queryable, viewer: Viewer) {
    return { digest_enabled: await digestRepository.digestEnabled(db, requireUser(viewer)) };
  },

  async setPreferences(db: Queryable, viewer: Viewer, digestEnabled: boolean) {
    await digestRepository.setDigestEnabled(db, requireUser(viewer), digestEnabled);
    return { digest_enabled: digestEnabled };
  },

  /**
   * Sends the day's digests: one e-mail per organisation and recipient, claimed in the database
   * before it is sent, so a second run or a second server sends none again. Returns how many were sent.
   */
  async sendDaily(db: Database, deps: { mailer: Mailer; clock: Clock; publicUrl: string }, day: string) {
    let sent = 0;
    for (const org of await digestRepository.organisationsWithRecipients(db)) {
      const digest = await build(db, org, day);
      if (isEmpty(digest)) continue;
      for (const recipient of await digestRepository.recipients(db, org.id)) {
        const claim = {
          orgId: org.id,
          userId: recipient.user_id,
          day,
          email: recipient.email,
          at: deps.clock.now(),
        };
        if (!(await digestRepository.claimDelivery(db, claim))) continue;
        let error: string | null = null;
        try {
          const links = new Map<string, string>();
          for (const a of [...digest.overdue, ...digest.due_soon]) {
            const token = await linksService.issue(db, deps.clock, {
              recommendationId: a.recommendation_id,
              actionIndex: a.action_index,
              actionText: a.text,
              orgId: org.id,
              userId: recipient.user_id,
            });
            links.set(`${a.recommendation_id}/${a.action_index}`, `${deps.publicUrl}/act#${token}`);
          }
          await deps.mailer.send({
            to: recipient.email,
            ...composeDigestMail(digest, links, deps.publicUrl),
          });
          sent++;
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
        await digestRepository.finishDelivery(db, {
          ...claim,
          at: deps.clock.now(),
          error,
          summary: {
            overdue: digest.overdue.map((a) => `${a.recommendation_id}/${a.action_index}`),
            due_soon: digest.due_soon.map((a) => `${a.recommendation_id}/${a.action_index}`),
            stale: digest.stale.map((s) => `${s.kind}/${s.id}`),
          },
        });
      }
    }
    return sent;
  },
};

function requireUser(viewer: Viewer): string {
  if (!viewer.userId)
    throw new AppError(401, 'unauthorized', 'Sign in, or send an API token, to set your own preferences.');
  return viewer.userId;
}

function requireMember(viewer: Viewer, orgId: string, message: string) {
  if (!isSignedIn(viewer)) throw errors.unauthorized();
  if (!viewer.memberships.has(orgId)) throw errors.forbidden(message);
}
