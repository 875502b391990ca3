import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sampleRss, startChild } from "../lib/processes";
import type { CrawlTally } from "./bare-loop";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const TSX = here("../../node_modules/.bin/tsx");
const DEBIAN_PYTHON = "/usr/bin/python3";

export interface PeerRun extends CrawlTally {
  peakRssBytes: number;
}

async function runPeer(command: string, args: string[]): Promise<PeerRun> {
  const child = startChild(command, args);
  const rss = sampleRss(child.process.pid!, 100);
  const code = await child.exited;
  const peakRssBytes = rss.stop();
  const line = child
    .output()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`${args[0]} exited ${code}:\n${child.output().slice(-3000)}`);
  return { ...(JSON.parse(line) as CrawlTally), peakRssBytes };
}

export function runCrawlee(concurrency: number, listingUrls: readonly string[]): Promise<PeerRun> {
  return runPeer(TSX, [here("./crawlee-peer.ts"), String(concurrency), ...listingUrls]);
}

/** Scrapy from Debian's python3-scrapy, installed here when missing (root and apt-get needed); null if impossible. */
export function ensureScrapy(log: (line: string) => void): string | null {
  const probe = () => {
    try {
      execFileSync(DEBIAN_PYTHON, ["-c", "import scrapy"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(DEBIAN_PYTHON) && probe()) return DEBIAN_PYTHON;
  log("installing python3-scrapy with apt-get (once)...");
  try {
    execFileSync("apt-get", ["install", "-y", "-q", "python3-scrapy"], { stdio: "ignore", timeout: 300_000 });
  } catch {
    try {
      execFileSync("apt-get", ["update", "-q"], { stdio: "ignore", timeout: 300_000 });
      execFileSync("apt-get", ["install", "-y", "-q", "python3-scrapy"], { stdio: "ignore", timeout: 300_000 });
    } catch {
      return null;
    }
  }
  return probe() ? DEBIAN_PYTHON : null;
}

export function runScrapy(python: string, concurrency: number, listingUrls: readonly string[]): Promise<PeerRun> {
  return runPeer(python, [here("./scrapy_spider.py"), String(concurrency), ...listingUrls]);
}
