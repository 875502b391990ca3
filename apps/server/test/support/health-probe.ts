import { Worker } from "node:worker_threads";

/**
 * Asks GET /healthz over real HTTP every `everyMillis` until stopped, and keeps how long each answer took: what an
 * uptime check would see while the server works.
 */
export function probeHealth(baseUrl: string, everyMillis = 25): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/healthz`);
      await res.text();
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMillis));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return latencies;
    },
  };
}

/**
 * The sampler, in a thread of its own (reading /proc costs time the event loop under test must not pay): every
 * 250 ms, the proportional set size (PSS: shared pages divided among their sharers) of a process and all its
 * descendants — Chromium, its zygotes and renderers —, summed; it keeps the peak.
 */
const SAMPLER = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, readFileSync } = require("node:fs");
function treeMb(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync("/proc/" + entry + "/stat", "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) || []), Number(entry)]);
    } catch {}
  }
  let kb = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    try {
      kb += Number(/^Pss:\\s+(\\d+)/m.exec(readFileSync("/proc/" + pid + "/smaps_rollup", "utf8"))?.[1] ?? 0);
    } catch {}
    stack.push(...(children.get(pid) || []));
  }
  return kb / 1024;
}
let peak = treeMb(workerData.root);
const timer = setInterval(() => { peak = Math.max(peak, treeMb(workerData.root)); }, 250);
parentPort.on("message", () => {
  clearInterval(timer);
  parentPort.postMessage(Math.max(peak, treeMb(workerData.root)));
});
`;

/** Samples the memory of this process's tree until stopped; resolves to the peak (MB). */
export function samplePeakMemory(): { stop(): Promise<number> } {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { root: process.pid } });
  return {
    async stop() {
      const peak = new Promise<number>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const value = await peak;
      await worker.terminate();
      return value;
    },
  };
}
