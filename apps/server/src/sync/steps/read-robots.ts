import { cappedCrawlDelaySecs, MAX_CRAWL_DELAY_SECS } from "@jobsync/crawler";
import {
  type PreparedSync,
  StepFailure,
  type StepReporter,
  type StepResult,
  type SyncEnv,
  stopWhy,
} from "../sync-context";

/**
 * Check Availability's first read: robots.txt of the board, through the sync's own fetcher (so it is read once, and
 * before any other page of the host), with what it means for this sync in the step's details — its Crawl-delay as
 * the request delay's floor (capped), or why nothing may be crawled. Returns the step's result when the probe must
 * not be sent (robots.txt forbids it), null to go on; unreachable fails the step.
 */
export async function readRobots(
  env: SyncEnv,
  prepared: PreparedSync,
  url: string,
  report: StepReporter,
): Promise<StepResult | null> {
  const { fetcher, settings } = prepared;
  const verdict = await fetcher.robotsVerdict(url, env.signal);
  if (verdict.outcome === "off") return null;
  report.detail(`${verdict.robotsUrl}: ${verdict.summary}`);
  if (verdict.outcome === "unreachable") {
    if (env.signal.aborted) throw new StepFailure(stopWhy(env.signal));
    throw new StepFailure(`site unavailable: ${verdict.error?.message ?? verdict.summary}`);
  }
  if (verdict.crawlDelaySecs !== null) {
    const floor = cappedCrawlDelaySecs(verdict.crawlDelaySecs);
    const capped =
      floor < verdict.crawlDelaySecs ? ` (asked ${verdict.crawlDelaySecs} s, capped at ${MAX_CRAWL_DELAY_SECS} s)` : "";
    report.detail(
      floor > settings.requestDelaySecs
        ? `Crawl-delay ${floor} s${capped}: requests to this host are spaced ${floor} s apart, not ${settings.requestDelaySecs} s`
        : `Crawl-delay ${floor} s${capped}: request_delay ${settings.requestDelaySecs} s already spaces requests more`,
    );
  }
  if (verdict.outcome === "server_error") {
    report.warn(verdict.summary);
    return { status: "completed", message: `${new URL(url).host} answers, but its robots.txt disallows everything` };
  }
  if (!verdict.allowed) {
    report.detail(`robots.txt disallows ${url}: not fetched`);
    return {
      status: "completed",
      message: `${new URL(url).host} is reachable (robots.txt read; home page disallowed)`,
    };
  }
  return null;
}
