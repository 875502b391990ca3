import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { authApi } from "../services/auth-api";

export function currentUserQuery(api: ApiClient) {
  return queryOptions({
    queryKey: ["auth", "me"] as const,
    queryFn: ({ signal }) => authApi.me(api, signal),
    staleTime: 5 * 60_000,
  });
}
