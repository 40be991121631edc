// Who is asking: an anonymous visitor, or a user with their memberships. Every read and write
// takes a Viewer, so no query can be written without deciding who it is for.
export type Role = 'admin' | 'editor' | 'viewer';
export type Visibility = 'public' | 'network' | 'owner';
/** A record's visibility: a class, or shared with the organisations the record names. */
export type RecordVisibility = Visibility | 'shared';

const WIDTH: Record<Visibility, number> = { owner: 0, network: 1, public: 2 };

/** The visibility that lets the fewest see: what a record drawn from private material may default to. */
export function narrowestVisibility(...options: Visibility[]): Visibility {
  return options.reduce((a, b) => (WIDTH[b] < WIDTH[a] ? b : a));
}

export interface Viewer {
  userId: string | null;
  email: string | null;
  /** Role per organisation the user belongs to. */
  memberships: ReadonlyMap<string, Role>;
  /** 'read' tokens may only read; sessions and 'write' tokens may also write. */
  scope: 'read' | 'write';
}

export const ANONYMOUS: Viewer = Object.freeze({
  userId: null,
  email: null,
  memberships: new Map(),
  scope: 'read',
});

/** A viewer that sees everything: only for the CLI's own maintenance and the demo loader. */
export function systemViewer(orgIds: string[]): Viewer {
  return {
    userId: null,
    email: 'system',
    memberships: new Map(orgIds.map((id) => [id, 'admin'])),
    scope: 'write',
  };
}

export function isSignedIn(viewer: Viewer): boolean {
  return viewer.userId !== null || viewer.memberships.size > 0;
}

export function orgIdsOf(viewer: Viewer): string[] {
  return [...viewer.memberships.keys()];
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(viewer: Viewer, orgId: string, atLeast: Role): boolean {
  const role = viewer.memberships.get(orgId);
  return role !== undefined && RANK[role] >= RANK[atLeast];
}
