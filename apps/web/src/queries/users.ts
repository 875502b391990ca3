import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { usersApi } from "../services/users-api";

export const userKeys = { all: ["users"] as const };

export function usersQuery(api: ApiClient) {
  return queryOptions({ queryKey: userKeys.all, queryFn: ({ signal }) => usersApi.list(api, signal) });
}
