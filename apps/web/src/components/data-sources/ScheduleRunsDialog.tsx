import type { ScheduleRunOutcome } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import type { TranslationKey } from "../../i18n/keys";
import { errorMessage } from "../../services/api-error";
import { scheduleRunsApi } from "../../services/schedule-runs-api";
import { Badge, type BadgeTone } from "../ui/badge";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "../ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";

const OUTCOMES: Record<ScheduleRunOutcome, { label: TranslationKey; tone: BadgeTone }> = {
  started: { label: "dataSources.fires.started", tone: "green" },
  skipped_active: { label: "dataSources.fires.skippedActive", tone: "amber" },
  skipped_inactive: { label: "dataSources.fires.skippedInactive", tone: "neutral" },
  failed: { label: "dataSources.fires.failed", tone: "red" },
};

export interface ScheduleRunsDialogProps {
  siteName: string | null;
  onClose: () => void;
}

/** The last fires of a data source's schedule; a fire's sync job opens in the sync job modal. */
export function ScheduleRunsDialog({ siteName, onClose }: ScheduleRunsDialogProps) {
  return (
    <Dialog open={siteName !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {siteName ? <RunsContent siteName={siteName} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RunsContent({ siteName, onClose }: { siteName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const syncJob = useSyncJobLink();
  const runs = useQuery({
    queryKey: ["schedule-runs", siteName],
    queryFn: ({ signal }) => scheduleRunsApi.list(api, siteName, 20, signal),
  });
  return (
    <DialogContent width="max-w-2xl">
      <DialogHeader>
        <DialogTitle>{t("dataSources.fires.title", { name: siteName })}</DialogTitle>
        <DialogDescription>{t("dataSources.fires.description")}</DialogDescription>
      </DialogHeader>
      <DialogBody>
        {runs.isPending ? (
          <LoadingState label={t("dataSources.fires.loading")} />
        ) : runs.isError ? (
          <ErrorState
            title={t("dataSources.fires.loadFailed")}
            message={errorMessage(runs.error)}
            onRetry={() => void runs.refetch()}
          />
        ) : runs.data.items.length === 0 ? (
          <EmptyState title={t("dataSources.fires.empty")} description={t("dataSources.fires.emptyHint")} />
        ) : (
          <Table aria-label={t("dataSources.fires.table")}>
            <TableHead>
              <tr>
                <Th>{t("dataSources.fires.scheduledFor")}</Th>
                <Th>{t("dataSources.fires.outcome")}</Th>
                <Th>{t("dataSources.fires.syncJob")}</Th>
              </tr>
            </TableHead>
            <TableBody>
              {runs.data.items.map((run) => (
                <TableRow key={run.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    <Time value={run.scheduled_for} mode="datetime" />
                  </Td>
                  <Td>
                    <Badge tone={OUTCOMES[run.outcome].tone} title={run.message}>
                      {t(OUTCOMES[run.outcome].label)}
                    </Badge>
                  </Td>
                  <Td>
                    {run.job_id ? (
                      <button
                        type="button"
                        className="font-mono text-xs text-blue-700 hover:underline"
                        aria-label={t("dataSources.fires.openJob", { id: run.job_id.slice(0, 8) })}
                        onClick={() => {
                          onClose();
                          syncJob.open(run.job_id!);
                        }}
                      >
                        {run.job_id.slice(0, 8)}
                      </button>
                    ) : (
                      <span className="text-zinc-600">—</span>
                    )}
                  </Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogBody>
    </DialogContent>
  );
}
