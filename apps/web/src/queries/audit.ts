import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { type AuditListParams, auditApi } from "../services/audit-api";

export const auditKeys = { all: ["audit"] as const };

export function auditQuery(api: ApiClient, params: AuditListParams) {
  return queryOptions({
    queryKey: [...auditKeys.all, params] as const,
    queryFn: ({ signal }) => auditApi.list(api, params, signal),
    placeholderData: keepPreviousData,
  });
}
