// What the administration panels share.
import { ApiError } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';

export const ROLES: Role[] = ['admin', 'editor', 'viewer'];
export const asError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, 'client', String(err));
