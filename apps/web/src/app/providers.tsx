import type { TokenResponse } from "@jobsync/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import "../i18n/i18n";
import { ApiClient } from "../services/api";
import { ApiError } from "../services/api-error";
import {
  clearSession,
  loadSession,
  type StoredSession,
  saveSession,
  sessionFromToken,
} from "../services/session-storage";
import { ApiContext } from "./api-context";
import { SessionContext, type SessionContextValue, type SessionNotice } from "./session-context";

/** setTimeout cannot wait longer than 2^31-1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export interface AppProvidersProps {
  children: ReactNode;
  /** API origin; "" (default) is the page's own. */
  baseUrl?: string;
  storage?: Storage;
  queryClient?: QueryClient;
}

/** Session (token in localStorage), the API client bound to it, and TanStack Query. */
export function AppProviders({
  children,
  baseUrl = "",
  storage = window.localStorage,
  queryClient,
}: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [state, setState] = useState<{ session: StoredSession | null; notice: SessionNotice | null }>(() => {
    const loaded = loadSession(storage);
    return { session: loaded.session, notice: loaded.expired ? "sessionExpired" : null };
  });
  const tokenRef = useRef<string | null>(state.session?.token ?? null);
  tokenRef.current = state.session?.token ?? null;

  const signOut = useCallback(
    (notice: SessionNotice | null = null) => {
      clearSession(storage);
      tokenRef.current = null;
      setState((current) => (current.session ? { session: null, notice } : { ...current, notice }));
      client.clear();
    },
    [storage, client],
  );

  const signIn = useCallback(
    (token: TokenResponse) => {
      const session = sessionFromToken(token.access_token, token.expires_in);
      saveSession(storage, session);
      tokenRef.current = session.token;
      setState({ session, notice: null });
    },
    [storage],
  );

  const api = useMemo(
    () =>
      new ApiClient({
        baseUrl,
        getToken: () => tokenRef.current,
        onUnauthorized: () => {
          if (tokenRef.current) signOut("sessionExpired");
        },
      }),
    [baseUrl, signOut],
  );

  // Sign out when the token's lifetime is over, even if no request notices.
  const expiresAt = state.session?.expiresAt ?? null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(() => signOut("sessionExpired"), Math.min(MAX_TIMER_MS, expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt, signOut]);

  const value = useMemo<SessionContextValue>(
    () => ({ session: state.session, notice: state.notice, signIn, signOut }),
    [state, signIn, signOut],
  );

  return (
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={value}>
        <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
