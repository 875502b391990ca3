import { API_PATHS, type AuditList, auditListSchema } from "@jobsync/contracts";
import type { ApiClient } from "./api";

export interface AuditListParams {
  actor?: string;
  action?: string;
  object_type?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export const auditApi = {
  list(api: ApiClient, params: AuditListParams, signal?: AbortSignal): Promise<AuditList> {
    return api.request("GET", API_PATHS.audit, { query: { ...params }, schema: auditListSchema, signal });
  },
};
