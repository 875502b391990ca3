import { requireValue, StepFailure, type SyncStep } from "../sync-context";

/** Generate URLs: the searches to crawl, from the source config (one per keyword for TopCV). */
export const generateUrlsStep: SyncStep = {
  key: "generate_urls",
  async run(ctx, report) {
    const adapter = requireValue(ctx.adapter, "site adapter");
    const targets = adapter.listingTargets(ctx.source.baseUrl, ctx.config);
    if (targets.length === 0) throw new StepFailure("the configuration yields no search URL");
    ctx.targets = targets;
    for (const target of targets.slice(0, 40)) report.detail(`${target.label}: ${target.pageUrl(1)}`);
    if (targets.length > 40) report.detail(`... and ${targets.length - 40} more`);
    const pages = targets.reduce((n, t) => n + t.maxPages, 0);
    return {
      status: "completed",
      message: `${targets.length} search${targets.length === 1 ? "" : "es"}, up to ${pages} listing pages`,
    };
  },
};
