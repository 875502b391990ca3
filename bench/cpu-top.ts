/**
 * The functions that took the most CPU in a V8 .cpuprofile (self time, and self time grouped by file):
 *   npx tsx bench/cpu-top.ts <file.cpuprofile> [count] [from µs] [to µs]
 * With `from` (the profile's clock, as process.hrtime.bigint() / 1000n gives it), only the samples after it count;
 * with `to` too, only those between the two (bench/profile-archive.ts prints both for the re-process).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, countArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx bench/cpu-top.ts <file.cpuprofile> [count] [from µs] [to µs]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  timeDeltas: number[];
};
const count = Number(countArg ?? 25);
const from = Number(fromArg ?? 0);
const to = Number(toArg ?? Number.POSITIVE_INFINITY);
const hits = new Map<number, number>();
let at = profile.startTime;
let total = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from || at > to) return;
  hits.set(id, (hits.get(id) ?? 0) + 1);
  total++;
});
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const short = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "~/")
    .replace(/^.*\/main\//, "");
for (const node of profile.nodes) {
  const n = hits.get(node.id) ?? 0;
  if (n === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${short(url)}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + n);
  const where = url ? short(url).split("/").slice(0, 3).join("/") : functionName;
  byFile.set(where, (byFile.get(where) ?? 0) + n);
}
const top = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, n]) => `${((n / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
    .join("\n");
console.log(
  `self time by function (${total} samples)\n${top(byFunction)}\n\nself time by package/folder\n${top(byFile)}`,
);
