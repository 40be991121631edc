// Who is signed in (GET /auth/me), the organisations they belong to, sign-in and sign-out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { actingFor, api, get, setActingFor } from './client.ts';
import type { Me, Organisation, Role } from './types.ts';

interface Session {
  me: Me | undefined;
  /** The organisations the user acts for now: the one chosen in the header, else all of theirs. */
  orgs: (Organisation & { role: Role })[];
  /** Every organisation the user belongs to, for the header's choice. */
  allOrgs: (Organisation & { role: Role })[];
  /** The organisation chosen in the header (sent as X-Tacit-Organisation), or null for all. */
  actingFor: string | null;
  actFor(orgId: string | null): void;
  signedIn: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the user and their organisations again (e.g. after an organisation's settings changed). */
  refresh(): Promise<void>;
  /** Whether the user may write records owned by this organisation. */
  canEdit(orgId: string | undefined | null): boolean;
  roleIn(orgId: string | undefined | null): Role | undefined;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me>();
  const [allOrgs, setOrgs] = useState<(Organisation & { role: Role })[]>([]);
  const [acting, setActing] = useState<string | null>(actingFor());

  const refresh = useCallback(async () => {
    const who = await get<Me>('/auth/me').catch(() => undefined);
    setMe(who ?? { user_id: null, email: null, memberships: [], scope: 'read' });
    const memberships = who?.memberships ?? [];
    // A choice left from another account or a membership since removed is forgotten.
    if (!memberships.some((m) => m.org_id === actingFor())) {
      setActingFor(null);
      setActing(null);
    }
    const found = await Promise.all(
      memberships.map((m) =>
        get<Organisation>(`/organisations/${m.org_id}`).then(
          (o) => ({ ...o, role: m.role }),
          () => undefined,
        ),
      ),
    );
    setOrgs(found.filter((o) => o !== undefined));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      me,
      orgs: acting ? allOrgs.filter((o) => o.id === acting) : allOrgs,
      allOrgs,
      actingFor: acting,
      actFor(orgId) {
        setActingFor(orgId);
        setActing(orgId);
      },
      signedIn: Boolean(me?.user_id),
      async signIn(email, password) {
        await api('POST', '/auth/login', { email, password });
        await refresh();
      },
      async signOut() {
        await api('POST', '/auth/logout');
        await refresh();
      },
      refresh,
      canEdit(orgId) {
        if (acting && orgId !== acting) return false;
        const role = me?.memberships.find((m) => m.org_id === orgId)?.role;
        return me?.scope === 'write' && (role === 'admin' || role === 'editor');
      },
      roleIn(orgId) {
        if (acting && orgId !== acting) return undefined;
        return me?.memberships.find((m) => m.org_id === orgId)?.role;
      },
    }),
    [me, allOrgs, acting, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
