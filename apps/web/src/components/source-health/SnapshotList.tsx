import { useMutation, useQuery } from "@tanstack/react-query";
import { FileDown } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { errorMessage } from "../../services/api-error";
import { download, exportLinks } from "../../services/export-links";
import { syncJobsApi } from "../../services/sync-jobs-api";
import { Button } from "../ui/button";

/** A sync job's snapshots (first page of each error or alarm kind), each a download — never rendered here. */
export function SnapshotList({ jobId, version }: { jobId: string; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const list = useQuery({
    queryKey: ["sync-jobs", "snapshots", jobId, version],
    queryFn: ({ signal }) => syncJobsApi.snapshots(api, jobId, signal),
  });
  const fetching = useMutation({
    mutationFn: (n: number) => exportLinks.snapshot(api, jobId, n),
    onSuccess: download,
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="snapshots-title" className="flex flex-col gap-1.5" data-testid="snapshots">
      <h3 id="snapshots-title" className="text-[13px] font-semibold text-zinc-900">
        {t("sourceHealth.snapshots.title")}
      </h3>
      <p className="text-xs text-zinc-600">{t("sourceHealth.snapshots.description")}</p>
      <ul className="flex flex-col gap-1">
        {items.map((snapshot) => (
          <li key={snapshot.n} className="flex flex-wrap items-center gap-2 text-xs">
            <Button
              variant="ghost"
              disabled={fetching.isPending}
              onClick={() => fetching.mutate(snapshot.n)}
              data-snapshot={snapshot.n}
            >
              <FileDown className="size-3.5" aria-hidden />
              {t("sourceHealth.snapshots.download", { n: snapshot.n, kind: snapshot.kind })}
            </Button>
            <span className="min-w-0 truncate font-mono text-zinc-600" title={snapshot.url}>
              {snapshot.url}
            </span>
          </li>
        ))}
      </ul>
      {fetching.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {errorMessage(fetching.error)}
        </span>
      ) : null}
    </section>
  );
}
