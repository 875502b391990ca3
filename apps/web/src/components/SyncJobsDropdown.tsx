import type { DataSource } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { ChevronDown, Layers, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useApi } from "../app/api-context";
import { formatRelative } from "../lib/format";
import { ApiError, errorMessage } from "../services/api-error";
import { syncBatchesApi } from "../services/sync-batches-api";
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

export const NO_ACTIVE_SOURCES = "No active sources available";

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
  const api = useApi();
  const active = sources.filter((source) => source.is_active);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const batch = useMutation({
    mutationFn: (siteNames: string[]) => syncBatchesApi.start(api, { site_names: siteNames }),
    onSuccess: (response) => {
      setPicked(new Set());
      const skipped = response.results.filter((r) => r.outcome !== "started");
      if (skipped.length > 0) onError(`Not started: ${skipped.map((r) => r.message).join("; ")}`);
      if (response.batch_id) onBatch?.(response.batch_id);
    },
    onError: (error) => onError(`Failed to start the batch: ${errorMessage(error)}`),
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
    mutationFn: (siteName: string) => api.startSync(siteName, fullRefresh ? { full_refresh: true } : {}),
    onSuccess: (response) => onFollow(response.job_id),
    onError: (error) => {
      const running = error instanceof ApiError ? error.activeSyncJob() : null;
      if (running) onFollow(running.job_id);
      else onError(`Failed to start sync job: ${errorMessage(error)}`);
    },
  });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="primary" disabled={start.isPending || batch.isPending}>
          {start.isPending || batch.isPending ? (
            <Spinner className="size-3.5 text-white" />
          ) : (
            <RefreshCw className="size-3.5" aria-hidden />
          )}
          Sync Jobs
          <ChevronDown className="size-3.5 opacity-70" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72">
        <DropdownMenuLabel>Start a sync job</DropdownMenuLabel>
        <DropdownMenuCheckboxItem
          checked={fullRefresh}
          onCheckedChange={(checked) => setFullRefresh(checked === true)}
          onSelect={(event) => event.preventDefault()}
          className="text-xs text-zinc-600"
        >
          Full refresh (read every page)
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        {active.length === 0 ? (
          <DropdownMenuItem disabled>{NO_ACTIVE_SOURCES}</DropdownMenuItem>
        ) : (
          active.map((source) => (
            <DropdownMenuItem
              key={source.id}
              onSelect={() => (source.active_job_id ? onFollow(source.active_job_id) : start.mutate(source.site_name))}
              className="items-start"
            >
              <RefreshCw className="mt-0.5 size-3.5 text-zinc-400" aria-hidden />
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium">{source.site_name}</span>
                <span className="truncate text-xs text-zinc-500">
                  {source.kind} ·{" "}
                  {source.last_sync ? `last sync ${formatRelative(source.last_sync.created_at)}` : "never synced"}
                </span>
              </div>
              {source.active_job_id ? <Badge tone="blue">Running</Badge> : null}
            </DropdownMenuItem>
          ))
        )}
        {onBatch && active.length > 1 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Sync several</DropdownMenuLabel>
            {active.map((source) => (
              <DropdownMenuCheckboxItem
                key={source.id}
                checked={picked.has(source.site_name)}
                onCheckedChange={(checked) => toggle(source.site_name, checked === true)}
                aria-label={`Pick ${source.site_name}`}
              >
                <span className="truncate">{source.site_name}</span>
              </DropdownMenuCheckboxItem>
            ))}
            <DropdownMenuItem
              disabled={picked.size === 0}
              onSelect={() => batch.mutate(active.map((s) => s.site_name).filter((name) => picked.has(name)))}
            >
              <Layers className="size-3.5 text-zinc-400" aria-hidden />
              {picked.size === 0 ? "Pick sources to sync together" : `Sync ${picked.size} selected`}
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
