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

/**
 * The processes under `roots` (children, grandchildren...), `roots` included: the renderers a zygote forked do not
 * always show the marker (their environment may read empty under a sandboxed kernel), but they are its descendants.
 */
export function processTree(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return roots;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(parent);
      if (list) list.push(Number(entry));
      else children.set(parent, [Number(entry)]);
    } catch {
      // gone
    }
  }
  const found = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (found.has(pid)) continue;
    found.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return [...found];
}

function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

/**
 * SIGKILL every process carrying the marker and wait (up to `waitMillis`) until they are gone; returns how many
 * were signalled. Zombies (dead, not yet reaped by their new parent) count as gone.
 */
export async function killMarkedProcesses(marker: string, waitMillis = 3000): Promise<number> {
  let killed = 0;
  const deadline = performance.now() + waitMillis;
  for (;;) {
    // the renderers a zygote forked may not show the marker: the marked processes' descendants go too
    const alive = processTree(processesWithMarker(marker)).filter((pid) => pid !== process.pid);
    if (alive.length === 0 || performance.now() > deadline) return killed;
    for (const pid of alive) {
      try {
        process.kill(pid, "SIGKILL");
        killed++;
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
