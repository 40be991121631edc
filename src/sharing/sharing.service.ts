// The rules of sharing a record: who it is shared with and until when it is embargoed, checked
// together for a create or an update; and the embargo job, which publishes records on their day.
import type { RecordVisibility } from '../access/viewer.ts';
import type { Database, Queryable } from '../db/client.ts';
import { type Clock, dayOf, systemClock } from '../reminders/clock.ts';
import { dailySlot, type ScheduledJob } from '../reminders/scheduler.ts';
import { errors } from '../server/errors.ts';
import { sharingRepository } from './sharing.repository.ts';

export interface SharingInput {
  visibility?: RecordVisibility;
  shared_with?: string[];
  embargo_until?: string | null;
  field_visibility?: Record<string, string>;
}

export interface StoredSharing {
  visibility: string;
  shared_with?: string[] | null;
  embargo_until?: string | null;
}

/** The column values a write stores, every one of the three decided. */
export interface Sharing {
  visibility: RecordVisibility;
  shared_with: string[];
  embargo_until: string | null;
}

export const sharingService = {
  /**
   * The sharing a write stores, from the request, the record as it is (on update) and the
   * visibility the owner's defaults give (on create). Every problem is a 422 naming its field.
   */
  async resolve(
    tx: Queryable,
    input: SharingInput,
    current: StoredSharing | undefined,
    defaultVisibility: RecordVisibility,
    clock: Clock = systemClock,
  ): Promise<Sharing> {
    const visibility = (input.visibility ?? current?.visibility ?? defaultVisibility) as RecordVisibility;
    let sharedWith: string[] = [];
    if (visibility === 'shared') {
      sharedWith = input.shared_with ?? (current?.visibility === 'shared' ? (current.shared_with ?? []) : []);
      if (!sharedWith.length)
        throw errors.invalidField(
          'shared_with',
          "name at least one organisation id when visibility is 'shared' (GET /api/v1/organisations lists them)",
        );
      const unknown = await sharingRepository.unknownOrganisations(tx, sharedWith);
      if (unknown.length)
        throw errors.invalidField(
          'shared_with',
          `no organisation has the id ${unknown.join(', ')}; use ids from GET /api/v1/organisations`,
        );
    } else if (input.shared_with?.length) {
      throw errors.invalidField(
        'shared_with',
        `applies only with visibility 'shared' (this record's visibility is '${visibility}')`,
      );
    }
    let embargo = input.embargo_until === undefined ? (current?.embargo_until ?? null) : input.embargo_until;
    if (input.embargo_until) {
      const today = dayOf(clock.now());
      if (input.embargo_until <= today)
        throw errors.invalidField(
          'embargo_until',
          `must be a future date (today is ${today}); to publish now, set visibility to 'public'`,
        );
      if (visibility === 'public')
        throw errors.invalidField(
          'embargo_until',
          "a public record is already published; an embargo needs visibility 'network', 'shared' or 'owner'",
        );
    }
    // Publishing by hand ends the embargo: there is nothing left for it to lift.
    if (visibility === 'public') embargo = null;
    return { visibility, shared_with: sharedWith, embargo_until: embargo };
  },

  /** Refuses a field_visibility naming a field the kind cannot restrict, with a 422 naming it. */
  checkFieldVisibility(input: SharingInput, restrictable: readonly string[]): void {
    for (const field of Object.keys(input.field_visibility ?? {}))
      if (!restrictable.includes(field))
        throw errors.invalidField(
          `field_visibility.${field}`,
          restrictable.length
            ? `is not a field that can be restricted here; name one of: ${restrictable.join(', ')}`
            : 'this kind of record has no field that can be restricted beyond the record',
        );
  },

  /** Publishes the records whose embargo day has come; returns how many. */
  async liftEmbargoes(db: Database, clock: Clock = systemClock): Promise<number> {
    const today = dayOf(clock.now());
    return db.transaction(async (tx) => (await sharingRepository.liftEmbargoes(tx, today)).length);
  },
};

/** The scheduled job that lifts embargoes: once a day, just after midnight UTC. */
export function embargoJob(db: Database, clock: Clock): ScheduledJob {
  return {
    name: 'lift_embargoes',
    slotAt: (now) => dailySlot(now, 0),
    run: async () => {
      await sharingService.liftEmbargoes(db, clock);
    },
  };
}
