/**
 * npm run bench                 every benchmark, B1..B10 (scaled-down workloads, 3 runs each, ~10 minutes)
 * npm run bench -- B3 B5        only these
 * npm run bench -- --rounds 5   more runs per figure;  --full: the full-size B1 workload (much slower)
 * Prints the table (Markdown) and writes it with the machine's description to bench/results/latest.md.
 * Benchmarks never fail the command on a missed goal: they report it (exit 1 only when a benchmark crashes).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { keepWasmCode } from "../apps/server/src/app/wasm-code";
import { b1Crawl } from "./b1-crawl";
import { b2Parse } from "./b2-parse";
import { b3Save } from "./b3-save";
import { b4Progress } from "./b4-progress";
import { b5Reads } from "./b5-reads";
import { b6Memory } from "./b6-memory";
import { b7Web } from "./b7-web";
import { b8Startup } from "./b8-startup";
import { b9Postings } from "./b9-postings";
import { b10Robots } from "./b10-robots";
import { b11Archive } from "./b11-archive";
import type { BenchContext, Benchmark } from "./bench-types";
import { type BenchRow, formatTable } from "./lib/report";

keepWasmCode(); // before any embedded database is opened (see app/wasm-code.ts)

const ALL: Benchmark[] = [
  b1Crawl,
  b2Parse,
  b3Save,
  b4Progress,
  b5Reads,
  b6Memory,
  b7Web,
  b8Startup,
  b9Postings,
  b10Robots,
  b11Archive,
];
const USAGE = "usage: npm run bench -- [B1..B10 ...] [--rounds N] [--full]";

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: "string" }, full: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const rounds = values.rounds === undefined ? 3 : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
    console.error(`--rounds must be an integer from 1 to 50, got "${values.rounds}"\n${USAGE}`);
    return 2;
  }
  const wanted = positionals.map((p) => p.toUpperCase());
  const unknown = wanted.filter((id) => !ALL.some((b) => b.id === id));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}: choose from ${ALL.map((b) => b.id).join(", ")}\n${USAGE}`);
    return 2;
  }
  const selected = wanted.length === 0 ? ALL : ALL.filter((b) => wanted.includes(b.id));
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const ctx: BenchContext = {
    rounds,
    full: values.full ?? false,
    log: (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  };
  const rows: BenchRow[] = [];
  let crashed = false;
  for (const bench of selected) {
    ctx.log(`${bench.id} ${bench.title}...`);
    const t0 = performance.now();
    try {
      rows.push(...(await bench.run(ctx)));
    } catch (error) {
      crashed = true;
      console.error(`${bench.id} crashed:`, error);
      rows.push({
        id: bench.id,
        what: `crashed: ${(error as Error).message.split("\n")[0]}`,
        value: Number.NaN,
        unit: "",
        baseline: null,
        ratio: null,
        goal: "",
        met: false,
      });
    }
    ctx.log(`${bench.id} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  const table = formatTable(rows);
  const header = `Machine: ${machine()}\nRun: ${new Date().toISOString()}, ${rounds} runs per figure (median), ${seconds.toFixed(0)} s total${ctx.full ? ", full scale" : ""}, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0]!.toFixed(1)} at end (other work on the machine slows every contender alike; ratios hold better than absolute figures)`;
  console.log(`\n${header}\n\n${table}\n`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  const name = wanted.length === 0 ? "latest.md" : `latest-${selected.map((b) => b.id).join("-")}.md`;
  writeFileSync(new URL(`./results/${name}`, import.meta.url), `${header}\n\n${table}\n`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
