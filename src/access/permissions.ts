// Who may write what. Reads are decided by the access filter (filter.ts); writes by role in the
// record's owner organisation.
import { InvalidInputError } from '../db/errors.ts';
import { accessDenied } from './errors.ts';
import { hasRole, isSignedIn, type Role, type Viewer } from './viewer.ts';

export function assertCanWrite(viewer: Viewer): void {
  if (!isSignedIn(viewer)) throw accessDenied.unauthorized();
  if (viewer.scope !== 'write') {
    throw accessDenied.forbidden(
      'This API token may only read. Create a token with --scope write to change records.',
    );
  }
}

export function assertRoleIn(viewer: Viewer, orgId: string, role: Role = 'editor'): void {
  assertCanWrite(viewer);
  if (!hasRole(viewer, orgId, role)) {
    throw accessDenied.forbidden(
      `Only ${role === 'admin' ? 'administrators' : 'editors and administrators'} of the owner organisation may do this.`,
    );
  }
}

/** The organisation a new record belongs to: the one asked for, or the writer's only one. */
export function ownerOrgFor(viewer: Viewer, requested: string | undefined): string {
  assertCanWrite(viewer);
  if (requested) {
    assertRoleIn(viewer, requested, 'editor');
    return requested;
  }
  const writable = [...viewer.memberships].filter(([, role]) => role !== 'viewer').map(([id]) => id);
  if (writable.length === 1) return writable[0]!;
  if (writable.length === 0)
    throw accessDenied.forbidden('You are a viewer only: ask an administrator for the editor role.');
  throw new InvalidInputError('owner_org_id', 'is required because you can write for several organisations');
}
