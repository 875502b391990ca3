// Preloaded by bench/profile-memory.ts (NODE_OPTIONS=--require) into the server only: every 100 ms one JSON line to
// MEM_PROBE_OUT with smaps_rollup (anonymous / file-backed RSS), process.memoryUsage(), the V8 heap by space and each
// worker thread's heap (Worker is wrapped to find them), for a profile of what makes up the RSS B6 measures.
const out = process.env.MEM_PROBE_OUT;
if (out && process.argv.some((a) => a.endsWith("main.js"))) {
  const fs = require("node:fs");
  const wt = require("node:worker_threads");
  const nodeModule = require("node:module");
  const v8 = require("node:v8");
  const workers = new Set();
  const Base = wt.Worker;
  class Tracked extends Base {
    /** @param {ConstructorParameters<typeof Base>} args */
    constructor(...args) {
      super(...args);
      workers.add(this);
      this.once("exit", () => workers.delete(this));
    }
  }
  wt.Worker = Tracked;
  nodeModule.syncBuiltinESMExports();
  const fd = fs.openSync(out, "w");
  const t0 = Date.now();
  const smaps = () => {
    const text = fs.readFileSync("/proc/self/smaps_rollup", "utf8");
    const get = (/** @type {string} */ k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0) / 1024;
    return { rss: get("Rss"), anon: get("Anonymous"), file: get("Rss") - get("Anonymous") };
  };
  let busy = false;
  setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const m = process.memoryUsage();
      const s = smaps();
      const hs = v8.getHeapSpaceStatistics();
      const space = Object.fromEntries(hs.map((x) => [x.space_name, Math.round(x.space_size / 1048576)]));
      const wh = [];
      for (const w of workers) {
        try {
          const h = await w.getHeapStatistics();
          wh.push(Math.round(h.total_physical_size / 1048576));
        } catch {}
      }
      const threads = fs.readdirSync("/proc/self/task").length;
      const line = {
        t: Date.now() - t0,
        rss: Math.round(s.rss),
        anon: Math.round(s.anon),
        file: Math.round(s.file),
        heapTotal: Math.round(m.heapTotal / 1048576),
        heapUsed: Math.round(m.heapUsed / 1048576),
        ext: Math.round(m.external / 1048576),
        ab: Math.round(m.arrayBuffers / 1048576),
        workers: wh,
        threads,
        space,
      };
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    } finally {
      busy = false;
    }
  }, 100).unref();
}
