import type { DataSource } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { ChevronDown, Layers, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../app/api-context";
import { formatRelative } from "../lib/format";
import { ApiError, errorMessage } from "../services/api-error";
import { syncBatchesApi } from "../services/sync-batches-api";
import { syncJobsApi } from "../services/sync-jobs-api";
import { Badge } from "./ui/badge";
import { Button } from "./ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./ui/dropdown-menu";
import { Spinner } from "./ui/spinner";
import { useWriteControl, WriteButton } from "./ui/write-button";

export interface SyncJobsDropdownProps {
  sources: DataSource[];
  /** A sync job was started, or one was already running for the picked source: follow it. */
  onFollow: (jobId: string) => void;
  onError: (message: string) => void;
  /** Several sources were picked and started as one batch: follow the batch. */
  onBatch?: (batchId: string) => void;
}

/** The guide's "Sync Jobs" header button: a dropdown of the active data sources only; picking one starts a sync job. */
export function SyncJobsDropdown({ sources, onFollow, onError, onBatch }: SyncJobsDropdownProps) {
  const { t } = useTranslation();
  const api = useApi();
  const active = sources.filter((source) => source.is_active);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const batch = useMutation({
    mutationFn: (siteNames: string[]) => syncBatchesApi.start(api, { site_names: siteNames }),
    onSuccess: (response) => {
      setPicked(new Set());
      const started = response.results.filter((r) => r.outcome === "started");
      const skipped = response.results.filter((r) => r.outcome !== "started");
      if (started.length > 0) toast.success(t("syncJobs.toast.batchStarted", { count: started.length }));
      if (skipped.length > 0) onError(t("syncJobs.notStarted", { reasons: skipped.map((r) => r.message).join("; ") }));
      if (response.batch_id) onBatch?.(response.batch_id);
    },
    onError: (error) => onError(t("syncJobs.batchFailed", { message: errorMessage(error) })),
  });
  const toggle = (siteName: string, checked: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (checked) next.add(siteName);
      else next.delete(siteName);
      return next;
    });
  // incremental sources stop early on known postings; a full refresh reads every planned page once
  const [fullRefresh, setFullRefresh] = useState(false);
  const start = useMutation({
    mutationFn: (siteName: string) => syncJobsApi.start(api, siteName, fullRefresh ? { full_refresh: true } : {}),
    onSuccess: (response) => {
      toast.success(t("syncJobs.toast.started", { site: response.site_name }));
      onFollow(response.job_id);
    },
    onError: (error) => {
      const running = error instanceof ApiError ? error.activeSyncJob() : null;
      if (running) onFollow(running.job_id);
      else onError(t("syncJobs.startFailed", { message: errorMessage(error) }));
    },
  });
  const busy = start.isPending || batch.isPending;
  const readOnly = useWriteControl();

  if (readOnly.disabled) {
    return (
      <WriteButton variant="primary">
        <RefreshCw className="size-3.5" aria-hidden />
        {t("syncJobs.dropdown.button")}
        <ChevronDown className="size-3.5 opacity-70" aria-hidden />
      </WriteButton>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="primary" aria-busy={busy || undefined}>
          {busy ? <Spinner className="size-3.5 text-white" /> : <RefreshCw className="size-3.5" aria-hidden />}
          {t("syncJobs.dropdown.button")}
          <ChevronDown className="size-3.5 opacity-70" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel>{t("syncJobs.dropdown.start")}</DropdownMenuLabel>
        <DropdownMenuCheckboxItem
          checked={fullRefresh}
          onCheckedChange={(checked) => setFullRefresh(checked === true)}
          onSelect={(event) => event.preventDefault()}
          className="text-xs text-zinc-700"
        >
          {t("syncJobs.dropdown.fullRefresh")}
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        {active.length === 0 ? (
          <DropdownMenuItem disabled>{t("syncJobs.dropdown.noActive")}</DropdownMenuItem>
        ) : (
          active.map((source) => (
            <DropdownMenuItem
              key={source.id}
              onSelect={() => {
                if (source.active_job_id) onFollow(source.active_job_id);
                else if (!busy) start.mutate(source.site_name);
              }}
              className="items-start"
            >
              <RefreshCw className="mt-0.5 size-3.5 text-zinc-500" aria-hidden />
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium">{source.site_name}</span>
                <span className="truncate text-xs text-zinc-600">
                  {source.kind} ·{" "}
                  {source.last_sync
                    ? t("syncJobs.dropdown.lastSync", { when: formatRelative(source.last_sync.created_at) })
                    : t("syncJobs.dropdown.neverSynced")}
                </span>
              </div>
              {source.active_job_id ? <Badge tone="blue">{t("status.job.running")}</Badge> : null}
            </DropdownMenuItem>
          ))
        )}
        {onBatch && active.length > 1 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel>{t("syncJobs.dropdown.several")}</DropdownMenuLabel>
            {active.map((source) => (
              <DropdownMenuCheckboxItem
                key={source.id}
                checked={picked.has(source.site_name)}
                onCheckedChange={(checked) => toggle(source.site_name, checked === true)}
                aria-label={t("syncJobs.dropdown.pick", { site: source.site_name })}
              >
                <span className="truncate">{source.site_name}</span>
              </DropdownMenuCheckboxItem>
            ))}
            <DropdownMenuItem
              disabled={picked.size === 0 || busy}
              onSelect={() => batch.mutate(active.map((s) => s.site_name).filter((name) => picked.has(name)))}
            >
              <Layers className="size-3.5 text-zinc-500" aria-hidden />
              {picked.size === 0
                ? t("syncJobs.dropdown.pickSeveral")
                : t("syncJobs.dropdown.syncSelected", { count: picked.size })}
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
