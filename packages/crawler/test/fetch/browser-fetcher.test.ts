import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrowserFetcher, type BrowserFetcherOptions } from "../../src/fetch/browser-fetcher";
import { processesWithMarker } from "../../src/fetch/browser-processes";
import { resolveChromiumPath } from "../../src/fetch/chromium-path";
import { createFetcher } from "../../src/fetch/create-fetcher";
import {
  AbortedError,
  BlockedError,
  BrowserLaunchError,
  BrowserNotFoundError,
  FetchError,
  RobotsDisallowedError,
  TimeoutError,
} from "../../src/fetch/errors";
import { HttpFetcher } from "../../src/fetch/http-fetcher";
import { arrivals, board, boardReceived, gaps, track } from "./board-support";

function browser(options: Partial<BrowserFetcherOptions> = {}): BrowserFetcher {
  return track(
    new BrowserFetcher({
      kind: "browser",
      timeoutMillis: 15_000,
      requestDelayMillis: 0,
      retryBaseDelayMillis: 10,
      ...options,
    }),
  );
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

describe("BrowserFetcher in real Chromium", () => {
  it("fetches a board page without requesting images, fonts, media or style sheets, and closes every process", async () => {
    const b = await board({ pageWeightBytes: 50_000 });
    b.setFaults([{ kind: "listing", type: "inject", html: '<script src="/static/js/app.js"></script>' }]);
    const fetcher = browser();
    expect(await fetcher.start()).toMatch(/^Chromium \d+\./);
    const processes = processesWithMarker(fetcher.instanceId);
    expect(processes.length).toBeGreaterThan(0);

    const res = await fetcher.fetch({ url: b.listingUrl("ke-toan", 1), purpose: "listing" });
    expect(res.status).toBe(200);
    for (const card of b.expectedCards("ke-toan", 1)) expect(res.body).toContain(`data-job-id="${card.external_id}"`);

    const requested = b.stats().requests.map((r) => r.url);
    expect(requested).toContain("/static/js/app.js"); // the page did load its scripts...
    expect(requested.filter((u) => /\.(png|jpe?g|ico|woff2?|ttf|mp4|webm|css)(\?|$)/.test(u))).toEqual([]); // ...but none of these
    expect(b.stats().requests.find((r) => r.kind === "listing")?.userAgent).toMatch(/^jobsync-bot\//);

    await fetcher.close();
    await fetcher.close();
    expect(processes.filter((pid) => processesWithMarker(fetcher.instanceId).includes(pid))).toEqual([]);
    expect(processesWithMarker(fetcher.instanceId)).toEqual([]);
    await expect(fetcher.fetch({ url: b.listingUrl("ke-toan") })).rejects.toBeInstanceOf(FetchError);
  });

  it("keeps the per-host delay, retries, honours robots.txt and detects challenges", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "status", status: 503, firstN: 1 }] });
    const fetcher = browser({ requestDelayMillis: 150, browserPages: 2 });
    const results = await Promise.all([1, 2, 3].map((page) => fetcher.fetch({ url: b.listingUrl("ke-toan", page) })));
    expect(results.map((r) => r.attempts)).toEqual([2, 2, 2]);
    const times = arrivals(b, "listing");
    expect(times).toHaveLength(6);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(150);
    expect(fetcher.stats().retries).toBe(3);

    await expect(fetcher.fetch({ url: `${b.url}/ung-tuyen/1` })).rejects.toBeInstanceOf(RobotsDisallowedError);
    expect(b.stats().byRoute.apply).toBeUndefined();
    expect(b.stats().byRoute.robots).toBe(1);

    b.setFaults([{ kind: "listing", type: "challenge" }]);
    const blocked = await fetcher.fetch({ url: b.listingUrl("ke-toan", 2) }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(BlockedError);
    expect(fetcher.stats().blocked).toBe(1);
  });

  it("decodes a windows-1258 page like the HTTP fetcher does", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "charset" }] });
    const res = await browser().fetch({ url: b.listingUrl("ke-toan") });
    for (const card of b.expectedCards("ke-toan", 1)) expect(res.body).toContain(card.company.replace(/&/g, "&amp;"));
  });

  it("times out a page that never answers, and aborts a navigation at once", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "hang" }] });
    const fetcher = browser({ timeoutMillis: 500, maxRetries: 0 });
    await expect(fetcher.fetch({ url: b.listingUrl("ke-toan") })).rejects.toBeInstanceOf(TimeoutError);

    const patient = browser({ timeoutMillis: 60_000 });
    const controller = new AbortController();
    const pending = patient
      .fetch({ url: b.listingUrl("ke-toan", 2), signal: controller.signal })
      .catch((e: unknown) => e);
    await boardReceived(b, "listing", 2);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
    b.setFaults([]);
    expect((await patient.fetch({ url: b.listingUrl("ke-toan", 3) })).status).toBe(200); // the pool replaced the page
  });

  it("leaves no process behind after a crash", async () => {
    const b = await board();
    const fetcher = browser();
    await fetcher.fetch({ url: b.listingUrl("ke-toan") });
    const processes = processesWithMarker(fetcher.instanceId);
    const main = processes.find((pid) => parentOf(pid) === process.pid);
    if (!main) throw new Error("the browser process is not our child");
    process.kill(main, "SIGKILL");
    const error = await fetcher.fetch({ url: b.listingUrl("ke-toan", 2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).retryable).toBe(false);
    await fetcher.close();
    expect(processesWithMarker(fetcher.instanceId)).toEqual([]);
  });

  it("leaves no process behind after a failed launch", async () => {
    const fetcher = browser({ launchTimeoutMillis: 1 });
    const error = await fetcher.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserLaunchError);
    expect((error as BrowserLaunchError).message).toMatch(/^could not launch Chromium at \/usr\/bin\/chromium: /);
    expect(processesWithMarker(fetcher.instanceId)).toEqual([]);
    await fetcher.close();
  });

  it("reports a bogus Chromium path as BrowserNotFoundError, launching nothing", async () => {
    const fetcher = browser({ chromiumPath: "/opt/nowhere/chromium" });
    const error = await fetcher.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).tried).toEqual(["/opt/nowhere/chromium"]);
    expect((error as Error).message).toMatch(/set CHROMIUM_PATH/);
    expect(processesWithMarker(fetcher.instanceId)).toEqual([]);
  });
});

describe("resolveChromiumPath", () => {
  it("takes the first known path, else the first Chromium on PATH, else names everything tried", () => {
    expect(resolveChromiumPath(undefined, "")).toBe("/usr/bin/chromium");
    const dir = mkdtempSync(join(tmpdir(), "jobsync-chromium-"));
    const fake = join(dir, "google-chrome");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    expect(resolveChromiumPath(undefined, `/nope:${dir}`, ["/nope/chromium"])).toBe(fake);
    const error = (() => {
      try {
        return resolveChromiumPath(undefined, "/nope", ["/nope/chromium", "/nope/chrome"]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).tried).toEqual([
      "/nope/chromium",
      "/nope/chrome",
      "`which chromium`",
      "`which chromium-browser`",
      "`which google-chrome`",
      "`which google-chrome-stable`",
    ]);
  });
});

describe("createFetcher", () => {
  it("makes the fetcher the config asks for and rejects unknown kinds", async () => {
    const http = track(createFetcher({ kind: "http", timeoutMillis: 1000, requestDelayMillis: 0 }));
    expect(http).toBeInstanceOf(HttpFetcher);
    expect(await http.start()).toMatch(/^HTTP/);
    expect(track(createFetcher({ kind: "browser", timeoutMillis: 1000, requestDelayMillis: 0 }))).toBeInstanceOf(
      BrowserFetcher,
    );
    expect(() => createFetcher({ kind: "ftp" as "http", timeoutMillis: 1000, requestDelayMillis: 0 })).toThrow(
      'unknown fetcher kind "ftp": use "http" or "browser"',
    );
  });
});
