import { parseSourceConfig, type SourceConfig, sourceKindSchema } from "@jobsync/contracts";
import { createFetcher, createParsingAdapter } from "@jobsync/crawler";
import { type CrawlSettings, StepFailure, type SyncStep } from "../sync-context";

/** The engine settings every kind's config carries (the guide's fields, plus fetcher and detail fetching). */
export function crawlSettings(config: SourceConfig): CrawlSettings {
  const c = config as Partial<Record<string, unknown>>;
  return {
    fetcher: c.fetcher === "browser" ? "browser" : "http",
    timeoutSecs: typeof c.timeout === "number" ? c.timeout : 30,
    requestDelaySecs: typeof c.request_delay === "number" ? c.request_delay : 2,
    headless: c.headless !== false,
    fetchDetails: c.fetch_details !== false,
  };
}

/** Initialize: validate the stored configuration, pick the site adapter, prepare (not start) the fetcher. */
export const initializeStep: SyncStep = {
  key: "initialize",
  async run(ctx, report) {
    const kind = sourceKindSchema.safeParse(ctx.source.kind);
    if (!kind.success) throw new StepFailure(`data source kind "${ctx.source.kind}" has no adapter`);
    const parsed = parseSourceConfig(kind.data, ctx.source.config);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `config.${i.path.join(".")}: ${i.message}`);
      for (const p of problems) report.detail(p);
      throw new StepFailure(`invalid configuration: ${problems.join("; ")}`);
    }
    ctx.config = parsed.data;
    const settings = crawlSettings(parsed.data);
    ctx.settings = settings;
    ctx.adapter = createParsingAdapter(kind.data, parsed.data); // pages are parsed off the event loop
    report.progress(50);
    ctx.fetcher = createFetcher({
      kind: settings.fetcher,
      timeoutMillis: settings.timeoutSecs * 1000,
      requestDelayMillis: settings.requestDelaySecs * 1000,
      headless: settings.headless,
      ...(ctx.runtime.chromiumPath ? { chromiumPath: ctx.runtime.chromiumPath } : {}),
      ...(ctx.runtime.network ? { network: ctx.runtime.network } : {}),
    });
    const keywords = (parsed.data as { search_keywords?: string[] }).search_keywords;
    report.detail(`Source ${ctx.source.siteName} (${kind.data}) at ${ctx.source.baseUrl}`);
    if (keywords) report.detail(`Keywords: ${keywords.join(", ")}`);
    report.detail(
      `Up to ${ctx.maxJobs} job postings; fetcher ${settings.fetcher}${settings.fetcher === "browser" ? (settings.headless ? " (headless)" : " (headed)") : ""}; ` +
        `delay ${settings.requestDelaySecs} s per request; timeout ${settings.timeoutSecs} s; detail pages ${settings.fetchDetails ? "on" : "off"}`,
    );
    return { status: "completed", message: "Configuration is valid" };
  },
};
