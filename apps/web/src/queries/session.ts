import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { authApi } from "../services/auth-api";

/**
 * How often an open page asks who is signed in: a session ended on the server (logout elsewhere, a password, role
 * or active change) answers 401 and the page falls back to sign-in, even when nothing else on it polls.
 */
export const SESSION_CHECK_MS = 10_000;

export function currentUserQuery(api: ApiClient) {
  return queryOptions({
    queryKey: ["auth", "me"] as const,
    queryFn: ({ signal }) => authApi.me(api, signal),
    staleTime: 5 * 60_000,
    refetchInterval: SESSION_CHECK_MS,
  });
}
