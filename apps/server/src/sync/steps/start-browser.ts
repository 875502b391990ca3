import { requireValue, type SyncStep } from "../sync-context";

/** Start Browser: launch Chromium for browser-fetched sources; skipped for sources fetched over plain HTTP. */
export const startBrowserStep: SyncStep = {
  key: "start_browser",
  async run(ctx, report) {
    const fetcher = requireValue(ctx.fetcher, "fetcher");
    if (fetcher.kind === "http") {
      return { status: "skipped", message: "Fetched over plain HTTP; no browser needed" };
    }
    report.progress(10, "Launching Chromium");
    const description = await fetcher.start();
    report.detail(description);
    return { status: "completed", message: `${description} started` };
  },
};
