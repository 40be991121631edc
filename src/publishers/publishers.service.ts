// Rules for IATI publisher refs verified per organisation: anyone may read them (they belong to
// the public directory); only a network administrator verifies or withdraws one, because a
// verified ref is what lets an organisation's IATI uploads create and update activities under it.
import { isNetworkAdmin } from '../access/network-admin.repository.ts';
import { assertCanWrite } from '../access/permissions.ts';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { errors } from '../server/errors.ts';
import { type PublisherRefRow, publishersRepository as repo } from './publishers.repository.ts';

/** `operator`: the `tacit` command, run by whoever runs the installation. */
type Caller = { viewer: Viewer } | { operator: true };

async function assertMayVerify(db: Queryable, caller: Caller): Promise<void> {
  if ('operator' in caller) return;
  assertCanWrite(caller.viewer);
  if (!(await isNetworkAdmin(db, caller.viewer))) {
    throw errors.forbidden(
      'Only a network administrator may verify or withdraw IATI publisher refs. ' +
        'The operator makes one with "tacit user network-admin <email>".',
    );
  }
}

async function assertOrganisation(db: Queryable, orgId: string) {
  const org = await organisationsRepository.findById(db, orgId);
  if (!org) throw errors.notFound('organisation', orgId);
  return org;
}

const shape = ({ ref, org_id, verified_at }: PublisherRefRow) => ({ ref, org_id, verified_at });

export const publishersService = {
  async list(db: Database, orgId: string) {
    await assertOrganisation(db, orgId);
    return (await repo.listForOrganisation(db, orgId)).map(shape);
  },

  /** The refs an organisation's IATI uploads may write under. */
  async verifiedRefs(db: Queryable, orgId: string): Promise<Set<string>> {
    return new Set((await repo.listForOrganisation(db, orgId)).map((r) => r.ref));
  },

  /** Verifies a ref for an organisation; verifying it again for the same one changes nothing. */
  async verify(db: Database, caller: Caller, orgId: string, ref: string) {
    await assertMayVerify(db, caller);
    const org = await assertOrganisation(db, orgId);
    return db.transaction(async (tx) => {
      const existing = await repo.find(tx, ref);
      if (existing?.org_id === orgId) return { created: false, ref: shape(existing) };
      if (existing) {
        const holder = await organisationsRepository.findById(tx, existing.org_id);
        throw errors.conflict(
          'publisher_ref_taken',
          `The IATI publisher ref "${ref}" is already verified for ${holder?.name ?? 'another organisation'}; ` +
            'withdraw it there first.',
          { field: 'ref', org_id: existing.org_id },
        );
      }
      const viewer = 'viewer' in caller ? caller.viewer : undefined;
      const row = await repo.insert(tx, orgId, ref, viewer?.userId ?? null);
      if (viewer)
        await recordAudit(tx, viewer, {
          action: 'create',
          entityType: 'publisher_ref',
          entityId: null,
          orgId: org.id,
          details: { ref },
        });
      return { created: true, ref: shape(row) };
    });
  },

  async withdraw(db: Database, caller: Caller, orgId: string, ref: string): Promise<void> {
    await assertMayVerify(db, caller);
    await assertOrganisation(db, orgId);
    await db.transaction(async (tx) => {
      if (!(await repo.delete(tx, orgId, ref)))
        throw errors.notFound('publisher ref of this organisation', ref);
      if ('viewer' in caller)
        await recordAudit(tx, caller.viewer, {
          action: 'delete',
          entityType: 'publisher_ref',
          entityId: null,
          orgId,
          details: { ref },
        });
    });
  },
};
