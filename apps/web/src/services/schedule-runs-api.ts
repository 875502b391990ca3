import { type ScheduleRunList, scheduleRunListSchema } from "@jobsync/contracts";
import type { ApiClient } from "./api";

/** The fires of a data source's schedule: started, or skipped and why. */
export const scheduleRunsApi = {
  list(api: ApiClient, siteName: string, limit = 20, signal?: AbortSignal): Promise<ScheduleRunList> {
    return api.request("GET", `/admin/data-sources/${encodeURIComponent(siteName)}/schedule-runs`, {
      query: { limit },
      schema: scheduleRunListSchema,
      signal,
    });
  },
};
