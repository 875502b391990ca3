import { fromArchiveMessage, type PreparedSync, type StepReporter, type StepResult } from "../sync-context";

/**
 * Start Browser: launch Chromium for browser-fetched sources; skipped for sources fetched over plain HTTP, and for a
 * re-process (its pages come from the archive).
 */
export async function startBrowser(prepared: PreparedSync, report: StepReporter): Promise<StepResult> {
  const { fetcher } = prepared;
  const fromArchive = fromArchiveMessage(prepared.archive);
  if (fromArchive) return { status: "skipped", message: fromArchive };
  if (fetcher.kind === "http") return { status: "skipped", message: "Fetched over plain HTTP; no browser needed" };
  report.progress(10, "Launching Chromium");
  const description = await fetcher.start();
  report.detail(description);
  return { status: "completed", message: `${description} started` };
}
