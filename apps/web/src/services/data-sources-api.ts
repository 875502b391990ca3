import {
  type CreateDataSourceRequest,
  type DataSource,
  type DataSourceList,
  dataSourceListSchema,
  dataSourceSchema,
  type SourceHealthReport,
  sourceHealthReportSchema,
  type UpdateDataSourceRequest,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

const path = (siteName: string) => `/admin/data-sources/${encodeURIComponent(siteName)}`;

export const dataSourcesApi = {
  list(api: ApiClient, signal?: AbortSignal): Promise<DataSourceList> {
    return api.request("GET", "/admin/data-sources", { schema: dataSourceListSchema, signal });
  },
  get(api: ApiClient, siteName: string, signal?: AbortSignal): Promise<DataSource> {
    return api.request("GET", path(siteName), { schema: dataSourceSchema, signal });
  },
  create(api: ApiClient, body: CreateDataSourceRequest): Promise<DataSource> {
    return api.request("POST", "/admin/data-sources", { body, schema: dataSourceSchema });
  },
  update(api: ApiClient, siteName: string, body: UpdateDataSourceRequest): Promise<DataSource> {
    return api.request("PATCH", path(siteName), { body, schema: dataSourceSchema });
  },
  health(api: ApiClient, siteName: string, signal?: AbortSignal): Promise<SourceHealthReport> {
    return api.request("GET", `${path(siteName)}/health`, { schema: sourceHealthReportSchema, signal });
  },
  remove(api: ApiClient, siteName: string): Promise<void> {
    return api.request("DELETE", path(siteName));
  },
};
