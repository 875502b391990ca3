import type { DataSource } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { ChevronDown, RefreshCw } from "lucide-react";
import { useApi } from "../app/api-context";
import { formatRelative } from "../lib/format";
import { ApiError, errorMessage } from "../services/api-error";
import { Badge } from "./ui/badge";
import { Button } from "./ui/button";
import {
  DropdownMenu,
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
}

/** The guide's "Sync Jobs" header button: a dropdown of the active data sources only; picking one starts a sync job. */
export function SyncJobsDropdown({ sources, onFollow, onError }: SyncJobsDropdownProps) {
  const api = useApi();
  const active = sources.filter((source) => source.is_active);
  const start = useMutation({
    mutationFn: (siteName: string) => api.startSync(siteName),
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
        <Button variant="primary" disabled={start.isPending}>
          {start.isPending ? (
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
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
