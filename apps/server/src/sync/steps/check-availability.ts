import { BlockedError, createFetcher, FetchError, HttpStatusError } from "@jobsync/crawler";
import {
  fromArchiveMessage,
  type PreparedSync,
  StepFailure,
  type StepReporter,
  type StepResult,
  type SyncEnv,
  type SyncJobInput,
} from "../sync-context";
import { readRobots } from "./read-robots";

/**
 * Check Availability: robots.txt first (RFC 9309: before any other page of the host), then one plain HTTP request
 * to the board's home page unless robots.txt forbids it. Unreachable → the sync job fails with the
 * reason (the guide's "Site Unavailable"). A challenge page fails an HTTP-fetched source; a browser-fetched source
 * goes on with a warning, since the browser may pass where plain HTTP does not. Skipped for a re-process: it sends no
 * request to the site.
 */
export async function checkAvailability(
  job: SyncJobInput,
  env: SyncEnv,
  prepared: PreparedSync,
  report: StepReporter,
): Promise<StepResult> {
  const fromArchive = fromArchiveMessage(prepared.archive);
  if (fromArchive) return { status: "skipped", message: fromArchive };
  const { adapter, settings } = prepared;
  const url = adapter.availabilityUrl(job.source.baseUrl, prepared.config);
  const robots = await readRobots(env, prepared, url, report);
  if (robots) return robots;
  report.detail(`GET ${url}`);
  const probe = createFetcher({
    kind: "http",
    timeoutMillis: Math.min(settings.timeoutSecs, 30) * 1000,
    requestDelayMillis: 0,
    maxRetries: 1,
    respectRobotsTxt: false, // read just above, through the sync's own fetcher
    throttle: prepared.fetcher.throttle, // and its spacing (a Crawl-delay) holds for the probe
    ...(env.runtime.network ? { network: env.runtime.network } : {}),
  });
  try {
    const response = await probe.fetch({ url, signal: env.signal, purpose: "probe" });
    report.detail(`HTTP ${response.status} in ${Math.round(response.elapsedMs)} ms`);
    return { status: "completed", message: `${new URL(url).host} is reachable (HTTP ${response.status})` };
  } catch (error) {
    if (env.signal.aborted) throw error;
    if (error instanceof BlockedError) {
      if (settings.fetcher === "browser") {
        report.warn(`plain HTTP gets a challenge page (${error.reason}); the browser will try`);
        return { status: "completed", message: "Reachable; plain HTTP is challenged, the browser will try" };
      }
      throw new StepFailure(`site unavailable: blocked by the site (${error.reason})`);
    }
    if (error instanceof HttpStatusError && error.status < 500 && error.status !== 429) {
      report.warn(`home page answered HTTP ${error.status}; listing pages may still work`);
      return { status: "completed", message: `Reachable (home page HTTP ${error.status})` };
    }
    const reason = error instanceof FetchError ? error.message : (error as Error).message;
    throw new StepFailure(`site unavailable: ${reason}`);
  } finally {
    await probe.close();
  }
}
