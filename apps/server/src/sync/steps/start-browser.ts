import type { PreparedSync, StepReporter, StepResult } from "../sync-context";

/** Start Browser: launch Chromium for browser-fetched sources; skipped for sources fetched over plain HTTP. */
export async function startBrowser(prepared: PreparedSync, report: StepReporter): Promise<StepResult> {
  const { fetcher } = prepared;
  if (fetcher.kind === "http") return { status: "skipped", message: "Fetched over plain HTTP; no browser needed" };
  report.progress(10, "Launching Chromium");
  const description = await fetcher.start();
  report.detail(description);
  return { status: "completed", message: `${description} started` };
}
