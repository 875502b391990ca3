import { API_PATHS, apiPath, type ScheduleRunList, scheduleRunListSchema } from "@jobsync/contracts";
import type { ApiClient } from "./api";

/** The fires of a data source's schedule: started, or skipped and why. */
export const scheduleRunsApi = {
  list(api: ApiClient, siteName: string, limit = 20, signal?: AbortSignal): Promise<ScheduleRunList> {
    return api.request("GET", apiPath(API_PATHS.scheduleRuns, { site_name: siteName }), {
      query: { limit },
      schema: scheduleRunListSchema,
      signal,
    });
  },
};
