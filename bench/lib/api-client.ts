import { sampleRss } from "./processes";

/** The admin the benchmarks that run `npm start` sign in as. */
export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-1" };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One JSON call to a running jobsync API; a 4xx/5xx throws with its body. */
export async function api(url: string, token: string | null, method = "GET", body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A running `npm start` (its API at `url`, its process `pid`): its idle peak RSS over 2 s, then a topcv sync of the
 * board at request_delay 0 through the API, with its peak RSS while it runs. Returns the ended sync job's body.
 */
export async function syncWhileSampling(
  url: string,
  pid: number,
  board: { url: string },
  crawl: { keywords: readonly string[]; maxPages: number; maxJobs: number },
) {
  await sleep(3000);
  const idle = sampleRss(pid, 100);
  await sleep(2000);
  const idlePeak = idle.stop();
  const token = String((await api(`${url}/api/v1/auth/login`, null, "POST", BENCH_ADMIN)).access_token);
  await api(`${url}/api/v1/admin/data-sources`, token, "POST", {
    site_name: "Bench-Board",
    kind: "topcv",
    base_url: board.url,
    config: {
      search_keywords: [...crawl.keywords],
      max_pages: crawl.maxPages,
      request_delay: 0,
      max_jobs: crawl.maxJobs,
      fetcher: "http",
      timeout: 30,
    },
  });
  const syncStart = Date.now();
  const during = sampleRss(pid, 100);
  const started = await api(`${url}/api/v1/admin/data-sources/Bench-Board/sync`, token, "POST", {});
  let job: Record<string, unknown> = {};
  for (;;) {
    job = await api(`${url}/api/v1/admin/data-sources/sync/jobs/${started.job_id}`, token);
    if (["completed", "failed", "cancelled"].includes(String(job.status))) break;
    await sleep(500);
  }
  return { idlePeak, syncPeak: during.stop(), job, seconds: (Date.now() - syncStart) / 1000 };
}

/** The environment the benchmarks start `npm start` with: its own data dir, no demo board, the bench admin. */
export function benchStartEnv(dataDir: string): Record<string, string> {
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DEMO_BOARD: "0",
    ALLOW_PRIVATE_HOSTS: "1",
    LOG_LEVEL: "warn",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
}
