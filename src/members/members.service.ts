// Rules for membership: organisation administrators add, change and remove members; an
// organisation always keeps at least one administrator; new people join through an invitation.
import { randomBytes } from 'node:crypto';
import { assertRoleIn } from '../access/permissions.ts';
import { hasRole, type Role, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { authService, checkPassword, hashSecret } from '../auth/auth.service.ts';
import type { Database } from '../db/client.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { errors } from '../server/errors.ts';
import { membersRepository as repo } from './members.repository.ts';

const INVITATION_DAYS = 14;

async function assertOrg(db: Database, orgId: string) {
  if (!(await organisationsRepository.findById(db, orgId))) throw errors.notFound('organisation', orgId);
}

export const membersService = {
  /** Members see each other; nobody else sees who belongs to an organisation. */
  async list(db: Database, viewer: Viewer, orgId: string) {
    await assertOrg(db, orgId);
    if (!hasRole(viewer, orgId, 'viewer'))
      throw errors.forbidden('Only members of this organisation may see its members.');
    return repo.list(db, orgId);
  },

  /** Adds a member; someone new gets an invitation secret to choose a password with (shown once). */
  async add(
    db: Database,
    viewer: Viewer,
    orgId: string,
    input: { email: string; role: Role; name?: string | null },
  ) {
    await assertOrg(db, orgId);
    assertRoleIn(viewer, orgId, 'admin');
    return db.transaction(async (tx) => {
      const existing = await authRepository.findUserByEmail(tx, input.email);
      const user =
        existing ?? (await authService.createUser(tx, { email: input.email, name: input.name ?? null }));
      await authRepository.upsertMembership(tx, user.id, orgId, input.role);
      let invitation: string | null = null;
      if (!user.password_hash) {
        invitation = `tacit_inv_${randomBytes(24).toString('base64url')}`;
        await repo.insertInvitation(tx, {
          tokenHash: hashSecret(invitation),
          userId: user.id,
          orgId,
          invitedBy: viewer.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        });
      }
      await recordAudit(tx, viewer, {
        action: 'create',
        entityType: 'membership',
        entityId: user.id,
        orgId,
        details: { email: user.email, role: input.role },
      });
      const member = (await repo.list(tx, orgId)).find((m) => m.user_id === user.id)!;
      return { member, invitation_token: invitation };
    });
  },

  async changeRole(db: Database, viewer: Viewer, orgId: string, userId: string, role: Role) {
    assertRoleIn(viewer, orgId, 'admin');
    const member = await repo.find(db, orgId, userId);
    if (!member) throw errors.notFound('member', userId);
    if (member.role === 'admin' && role !== 'admin' && (await repo.adminCount(db, orgId)) === 1) {
      throw errors.conflict(
        'last_admin',
        'This is the organisation’s only administrator: make someone else administrator first.',
      );
    }
    await db.transaction(async (tx) => {
      await authRepository.upsertMembership(tx, userId, orgId, role);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'membership',
        entityId: userId,
        orgId,
        details: { role },
      });
    });
    return (await repo.find(db, orgId, userId))!;
  },

  async remove(db: Database, viewer: Viewer, orgId: string, userId: string) {
    assertRoleIn(viewer, orgId, 'admin');
    const member = await repo.find(db, orgId, userId);
    if (!member) throw errors.notFound('member', userId);
    if (member.role === 'admin' && (await repo.adminCount(db, orgId)) === 1) {
      throw errors.conflict(
        'last_admin',
        'This is the organisation’s only administrator: make someone else administrator first.',
      );
    }
    await db.transaction(async (tx) => {
      await repo.remove(tx, orgId, userId);
      await recordAudit(tx, viewer, { action: 'delete', entityType: 'membership', entityId: userId, orgId });
    });
  },

  /** The invited person chooses a password; the invitation works once. */
  async acceptInvitation(db: Database, token: string, password: string) {
    checkPassword(password);
    return db.transaction(async (tx) => {
      const invited = await repo.acceptInvitation(tx, hashSecret(token));
      if (!invited)
        throw errors.invalidField(
          'token',
          'is unknown, already used or expired; ask your administrator for a new invitation',
        );
      await authService.setPassword(tx, invited.user_id, password);
      return { email: invited.email };
    });
  },
};
