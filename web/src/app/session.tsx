import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, ApiError, data, setCsrfToken, type Answer } from '../api/client';

export type SessionInfo = Answer<'/v1/session', 'get'>;
export type Person = SessionInfo['user'];

interface SessionState {
  /** The person signed in, or null; undefined while it is being asked. */
  session: SessionInfo | null | undefined;
  /** Whether the person's role grants a permission (the API checks it again on every request). */
  can(permission: string): boolean;
  /** After sign-in or sign-out: forget what was fetched for the last person and ask the server again. */
  refresh(): Promise<void>;
}

const Context = createContext<SessionState | undefined>(undefined);

/** Who is signed in, from `GET /v1/session` (a cookie the page cannot read); its CSRF token goes with every change. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const s = await data(api.GET('/v1/session'));
        setCsrfToken(s.csrfToken);
        return s;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
  });
  const value = useMemo<SessionState>(() => {
    const session = query.data;
    const granted = new Set<string>(session?.permissions ?? []);
    return {
      session,
      can: (permission) => granted.has(permission),
      refresh: async () => {
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
        await client.invalidateQueries({ queryKey: ['session'] });
        await client.refetchQueries({ queryKey: ['session'] });
      },
    };
  }, [query.data, client]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(Context);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
