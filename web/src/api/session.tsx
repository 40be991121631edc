// Who is signed in (GET /auth/me), the organisations they belong to, sign-in and sign-out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, get } from './client.ts';
import type { Me, Organisation, Role } from './types.ts';

interface Session {
  me: Me | undefined;
  orgs: (Organisation & { role: Role })[];
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
  const [orgs, setOrgs] = useState<(Organisation & { role: Role })[]>([]);

  const refresh = useCallback(async () => {
    const who = await get<Me>('/auth/me').catch(() => undefined);
    setMe(who ?? { user_id: null, email: null, memberships: [], scope: 'read' });
    const memberships = who?.memberships ?? [];
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
      orgs,
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
        const role = me?.memberships.find((m) => m.org_id === orgId)?.role;
        return me?.scope === 'write' && (role === 'admin' || role === 'editor');
      },
      roleIn(orgId) {
        return me?.memberships.find((m) => m.org_id === orgId)?.role;
      },
    }),
    [me, orgs, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
