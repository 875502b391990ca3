import {
  API_PATHS,
  apiPath,
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

const path = (siteName: string) => apiPath(API_PATHS.dataSource, { site_name: siteName });

export const dataSourcesApi = {
  list(api: ApiClient, signal?: AbortSignal): Promise<DataSourceList> {
    return api.request("GET", API_PATHS.dataSources, { schema: dataSourceListSchema, signal });
  },
  get(api: ApiClient, siteName: string, signal?: AbortSignal): Promise<DataSource> {
    return api.request("GET", path(siteName), { schema: dataSourceSchema, signal });
  },
  create(api: ApiClient, body: CreateDataSourceRequest): Promise<DataSource> {
    return api.request("POST", API_PATHS.dataSources, { body, schema: dataSourceSchema });
  },
  update(api: ApiClient, siteName: string, body: UpdateDataSourceRequest): Promise<DataSource> {
    return api.request("PATCH", path(siteName), { body, schema: dataSourceSchema });
  },
  health(api: ApiClient, siteName: string, signal?: AbortSignal): Promise<SourceHealthReport> {
    return api.request("GET", apiPath(API_PATHS.sourceHealth, { site_name: siteName }), {
      schema: sourceHealthReportSchema,
      signal,
    });
  },
  remove(api: ApiClient, siteName: string): Promise<void> {
    return api.request("DELETE", path(siteName));
  },
};
