// Small factories: each test makes its own organisations and users, so tests never depend on,
// or wipe, each other's data.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/access/viewer.ts';
import { systemViewer } from '../../src/access/viewer.ts';
import { authService } from '../../src/auth/auth.service.ts';
import type { Database } from '../../src/db/client.ts';
import type { OrganisationCreate } from '../../src/organisations/organisations.schema.ts';
import { organisationsService } from '../../src/organisations/organisations.service.ts';

const unique = () => randomBytes(4).toString('hex');

export async function buildOrganisation(db: Database, overrides: Partial<OrganisationCreate> = {}) {
  return organisationsService.create(
    db,
    systemViewer([]),
    { name: `Test Organisation ${unique()}`, aliases: [], type: 'donor_government', ...overrides },
    { bootstrap: true },
  );
}

export interface TestMember {
  userId: string;
  email: string;
  password: string;
  orgId: string;
  /** A write-scoped bearer token. */
  token: string;
  readToken: string;
}

export async function buildMember(db: Database, orgId: string, role: Role = 'editor'): Promise<TestMember> {
  const email = `user-${unique()}@example.org`;
  const password = `password-${unique()}`;
  const user = await authService.createUser(db, { email, password, name: 'Test User' });
  await authService.addMembership(db, user.id, orgId, role);
  const { secret: token } = await authService.createToken(db, email, 'write');
  const { secret: readToken } = await authService.createToken(db, email, 'read');
  return { userId: user.id, email, password, orgId, token, readToken };
}

/** An organisation with an editor: the usual starting point of a test. */
export async function buildOrgWithEditor(db: Database, overrides: Partial<OrganisationCreate> = {}) {
  const org = await buildOrganisation(db, overrides);
  const editor = await buildMember(db, org.id, 'editor');
  return { org, editor };
}

/** An organisation with an editor and an administrator: where tests of deletions and the audit trail start. */
export async function buildOrgWithEditorAndAdmin(db: Database) {
  const { org, editor } = await buildOrgWithEditor(db);
  return { org, editor, admin: await buildMember(db, org.id, 'admin') };
}
