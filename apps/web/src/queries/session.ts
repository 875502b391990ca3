import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";

export function currentUserQuery(api: ApiClient) {
  return queryOptions({
    queryKey: ["auth", "me"] as const,
    queryFn: ({ signal }) => api.me(signal),
    staleTime: 5 * 60_000,
  });
}
