// Small factories: each test makes its own organisations and users, so tests never depend on,
// or wipe, each other's data.
import { randomBytes } from 'node:crypto';
import { systemViewer } from "../../src/access/viewer.js";
import { authService } from "../../src/auth/auth.service.js";
import { organisationsService } from "../../src/organisations/organisations.service.js";
const unique = () => randomBytes(4).toString('hex');
export async function buildOrganisation(db, overrides = {}) {
    return organisationsService.create(db, systemViewer([]), { name: `Test Organisation ${unique()}`, aliases: [], type: 'donor_government', ...overrides }, { bootstrap: true });
}
export async function buildMember(db, orgId, role = 'editor') {
    const email = `user-${unique()}@example.org`;
    const password = `password-${unique()}`;
    const user = await authService.createUser(db, { email, password, name: 'Test User' });
    await authService.addMembership(db, user.id, orgId, role);
    const { secret: token } = await authService.createToken(db, email, 'write');
    const { secret: readToken } = await authService.createToken(db, email, 'read');
    return { userId: user.id, email, password, orgId, token, readToken };
}
/** An organisation with an editor: the usual starting point of a test. */
export async function buildOrgWithEditor(db, overrides = {}) {
    const org = await buildOrganisation(db, overrides);
    const editor = await buildMember(db, org.id, 'editor');
    return { org, editor };
}
//# sourceMappingURL=factories.js.map