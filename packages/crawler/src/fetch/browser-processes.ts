import { readdirSync, readFileSync } from "node:fs";

/**
 * Find a browser's processes by an environment marker: Chromium's helpers (zygote, renderers, GPU) inherit the
 * environment of the browser process, so `NAME=value` finds them all — also orphans whose parent died in a crash.
 * Linux only (/proc); elsewhere it finds nothing.
 */
export const BROWSER_MARKER_VARIABLE = "JOBSYNC_BROWSER_INSTANCE";

export function processesWithMarker(marker: string): number[] {
  const needle = Buffer.from(`${BROWSER_MARKER_VARIABLE}=${marker}\0`);
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      if (environ.includes(needle) && !isZombie(entry)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

/** SIGKILL every process carrying the marker; returns how many were signalled. */
export function killMarkedProcesses(marker: string): number {
  let killed = 0;
  for (const pid of processesWithMarker(marker)) {
    if (pid === process.pid) continue;
    try {
      process.kill(pid, "SIGKILL");
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
