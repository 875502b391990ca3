import { type CrawlJobProgress, crawlJobProgressSchema, isFinalSyncJobStatus } from "@jobsync/contracts";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useApi } from "../app/api-context";
import { dataSourceKeys } from "../queries/data-sources";
import { postingKeys } from "../queries/postings";
import { syncJobKeys, syncJobQuery } from "../queries/sync-jobs";
import type { ApiClient } from "../services/api";
import { ApiError } from "../services/api-error";
import { readSseEvents } from "../services/sse-reader";
import { syncJobsApi } from "../services/sync-jobs-api";

/** How the modal is kept current: the SSE stream, or polling every 2 s when the stream is not available. */
export type LiveMode = "connecting" | "live" | "polling" | "ended";

/** Wait between reconnects of a dropped stream (resumed with Last-Event-ID); polling runs meanwhile. */
const RECONNECT_DELAYS_MS = [1_000, 3_000, 10_000] as const;
/** A stream whose headers take longer than this is given up for this attempt. */
const CONNECT_TIMEOUT_MS = 10_000;
/** The server sends a `: ping` comment every few seconds; this long without a byte means the connection is dead. */
const STALL_TIMEOUT_MS = 45_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Store a progress snapshot unless the cache already holds a newer one. */
export function writeProgress(queryClient: QueryClient, progress: CrawlJobProgress): void {
  queryClient.setQueryData<CrawlJobProgress>(syncJobKeys.detail(progress.job_id), (current) =>
    current && current.version > progress.version ? current : progress,
  );
}

type StreamOutcome = "ended" | "dropped" | "refused";

/** Follow one connection of the stream until it ends, drops or is refused. */
async function followStream(
  api: ApiClient,
  queryClient: QueryClient,
  jobId: string,
  state: { lastEventId: string | null },
  signal: AbortSignal,
  onOpen: () => void,
): Promise<StreamOutcome> {
  const attempt = new AbortController();
  const abortAttempt = () => attempt.abort();
  signal.addEventListener("abort", abortAttempt, { once: true });
  let timer = setTimeout(abortAttempt, CONNECT_TIMEOUT_MS);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(abortAttempt, STALL_TIMEOUT_MS);
  };
  try {
    const response = await syncJobsApi.openEvents(api, jobId, {
      lastEventId: state.lastEventId,
      signal: attempt.signal,
    });
    alive();
    if (!response.body) return "dropped";
    onOpen();
    for await (const event of readSseEvents(response.body, attempt.signal, alive)) {
      if (event.id !== null) state.lastEventId = event.id;
      if (event.event === "progress") {
        writeProgress(queryClient, crawlJobProgressSchema.parse(JSON.parse(event.data)));
      } else if (event.event === "end") {
        return "ended";
      }
    }
    return "dropped";
  } catch (error) {
    // 4xx will not get better by retrying (no stream route, no such job, signed out): poll instead.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return "refused";
    return "dropped";
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abortAttempt);
  }
}

/**
 * Live progress of one sync job: the query cache entry for it, written by the SSE stream while it is up and by
 * polling every 2 s while it is not. Both stop once the sync job is final.
 */
export function useSyncJobProgress(jobId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>("connecting");
  const query = useQuery(syncJobQuery(api, jobId, mode === "polling"));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const state = { lastEventId: null as string | null };
    const isFinal = () => {
      const data = queryClient.getQueryData<CrawlJobProgress>(syncJobKeys.detail(jobId));
      return data !== undefined && isFinalSyncJobStatus(data.status);
    };
    void (async () => {
      let failures = 0;
      while (!signal.aborted) {
        const outcome = await followStream(api, queryClient, jobId, state, signal, () => {
          failures = 0;
          setMode("live");
        });
        if (signal.aborted) return;
        if (outcome === "ended" || isFinal()) {
          setMode("ended");
          return;
        }
        setMode("polling");
        if (outcome === "refused" || failures >= RECONNECT_DELAYS_MS.length) return;
        await sleep(RECONNECT_DELAYS_MS[failures] ?? 10_000, signal);
        failures++;
        if (isFinal()) {
          setMode("ended");
          return;
        }
      }
    })();
    return () => controller.abort();
  }, [api, queryClient, jobId]);

  // When the sync job finishes, the lists that show its result are out of date.
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status && isFinalSyncJobStatus(status) && was !== undefined && !isFinalSyncJobStatus(was)) {
      void queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: syncJobKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: postingKeys.all });
    }
  }, [status, queryClient]);

  return { query, mode: query.data && isFinalSyncJobStatus(query.data.status) ? ("ended" as const) : mode };
}
