import { useNavigate, useParams } from "@tanstack/react-router";
import { useCallback } from "react";
import { applyPatch, useRouteParams } from "./use-route-params";

/**
 * The sync job the modal follows: `?job=<id>` on any page (it survives a reload and keeps the page behind it), or
 * the `/sync-jobs/<id>` page, which is Sync History with the modal open.
 */
export const SYNC_JOB_PARAM = "job";

export function useSyncJobLink() {
  const { params, setParams } = useRouteParams();
  const routeJobId = (useParams({ strict: false }) as { jobId?: string }).jobId ?? null;
  const navigate = useNavigate();
  const openJobId = params.get(SYNC_JOB_PARAM) ?? routeJobId;

  const open = useCallback(
    (jobId: string) => {
      if (routeJobId) void navigate({ to: "/sync-jobs/$jobId", params: { jobId }, search: (s) => s });
      else setParams({ [SYNC_JOB_PARAM]: jobId });
    },
    [routeJobId, navigate, setParams],
  );
  const close = useCallback(() => {
    if (routeJobId) {
      void navigate({ to: "/sync-history", search: (s) => applyPatch(s, { [SYNC_JOB_PARAM]: null }) });
    } else {
      setParams({ [SYNC_JOB_PARAM]: null });
    }
  }, [routeJobId, navigate, setParams]);
  return { openJobId, open, close };
}
