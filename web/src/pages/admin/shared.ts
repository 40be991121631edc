// What the administration panels share.
import type { Role } from '../../api/types.ts';

export const ROLES: Role[] = ['admin', 'editor', 'viewer'];
