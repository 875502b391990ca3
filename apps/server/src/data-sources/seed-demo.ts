import { parseSourceConfig } from "@jobsync/contracts";
import type { DataSourceRepository } from "./data-source.repository";

export const DEMO_SITE_NAME = "TopCV-Demo";

/** The demo source: TopCV-shaped pages from the local fixture board, fetched over plain HTTP, quick to sync. */
export function demoConfig(): Record<string, unknown> {
  const parsed = parseSourceConfig("topcv", {
    search_keywords: ["python-developer", "ke-toan", "marketing"],
    max_pages: 3,
    request_delay: 0.05,
    max_jobs: 200,
    headless: true,
    timeout: 15,
    fetcher: "http",
    fetch_details: true,
  });
  if (!parsed.success) throw new Error("the demo config does not validate");
  return parsed.data as Record<string, unknown>;
}

/** Create `TopCV-Demo` pointing at the running fixture board, or point the existing one at it. */
export async function seedDemoSource(repository: DataSourceRepository, boardUrl: string): Promise<void> {
  const existing = await repository.findRow(DEMO_SITE_NAME);
  if (!existing) {
    await repository.create({
      siteName: DEMO_SITE_NAME,
      kind: "topcv",
      baseUrl: boardUrl,
      isActive: true,
      config: demoConfig(),
    });
    return;
  }
  const valid = parseSourceConfig("topcv", existing.config).success;
  if (existing.baseUrl !== boardUrl || !valid) {
    await repository.update(existing.id, { baseUrl: boardUrl, ...(valid ? {} : { config: demoConfig() }) });
  }
}
