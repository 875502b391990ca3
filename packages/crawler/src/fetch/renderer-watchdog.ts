import { readFileSync } from "node:fs";
import { processesWithMarker, processTree } from "./browser-processes";

/** A renderer past this resident size is killed (a TopCV listing page with its scripts needs about 150 MB). */
export const DEFAULT_RENDERER_MAX_MB = 512;

/**
 * Chromium's renderers, watched from outside while pages load: the byte cap bounds what a page receives, but not
 * what the renderer builds of it (10 MB of tiny elements grew one renderer past 1 GB of DOM and layout, which no
 * V8 flag caps). Every `everyMillis` the resident size of each renderer process of this browser (the process tree
 * under the processes carrying its environment marker, Linux /proc) is read; one past the limit is killed — its pages crash, and the fetcher reports
 * them as too large for the browser and replaces them. Elsewhere than Linux it watches nothing.
 */
export class RendererWatchdog {
  private timer: NodeJS.Timeout | null = null;
  private users = 0;
  private renderers: number[] = [];
  private listedAt = 0;
  private lastKill = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly marker: string,
    readonly maxMb: number = DEFAULT_RENDERER_MAX_MB,
    private readonly everyMillis = 200,
  ) {}

  /** Watch while at least one navigation runs: call `begin` before it and the returned `end` after. */
  begin(): () => void {
    this.users++;
    this.timer ??= setInterval(() => this.check(), this.everyMillis);
    this.timer.unref();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.users--;
      if (this.users === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Whether a renderer was killed since `since` (performance.now() time): a crash then is ours. */
  killedSince(since: number): boolean {
    return this.lastKill >= since;
  }

  private check(): void {
    const now = performance.now();
    if (now - this.listedAt > 2000) {
      this.renderers = processTree(processesWithMarker(this.marker)).filter((pid) => isRenderer(pid));
      this.listedAt = now;
    }
    for (const pid of this.renderers) {
      if (residentMb(pid) <= this.maxMb) continue;
      try {
        process.kill(pid, "SIGKILL");
        this.lastKill = now;
      } catch {
        // already gone
      }
    }
  }
}

function isRenderer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer");
  } catch {
    return false;
  }
}

function residentMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
