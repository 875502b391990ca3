import { useCallback } from "react";
import { useHashRoute } from "./use-hash-route";

/** The modal follows the sync job named by `?job=` in the hash: it survives a reload and can be reopened. */
export const SYNC_JOB_PARAM = "job";

export function useSyncJobLink() {
  const { params, setParams } = useHashRoute();
  const openJobId = params.get(SYNC_JOB_PARAM);
  const open = useCallback((jobId: string) => setParams({ [SYNC_JOB_PARAM]: jobId }), [setParams]);
  const close = useCallback(() => setParams({ [SYNC_JOB_PARAM]: null }), [setParams]);
  return { openJobId, open, close };
}
