import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Benchmark } from "./bench-types";
import { startChild } from "./lib/processes";
import { row } from "./lib/report";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const kb = (bytes: number) => bytes / 1024;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** B7 web: the admin UI's initial JavaScript (entry + modulepreloads, gzip -9), built into a temporary directory. */
export const b7Web: Benchmark = {
  id: "B7",
  title: "web bundle",
  async run(ctx) {
    const outDir = mkdtempSync(join(tmpdir(), "jobsync-web-"));
    try {
      const build = startChild(
        "npm",
        ["run", "build", "--workspace", "@jobsync/web", "--", "--outDir", outDir, "--emptyOutDir"],
        {},
        ROOT,
      );
      const code = await build.exited;
      if (code !== 0) throw new Error(`web build failed:\n${build.output().slice(-2000)}`);
      const html = readFileSync(join(outDir, "index.html"), "utf8");
      const initial = [
        ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
        ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
      ].map((m) => join(outDir, m[1]!.replace(/^\//, "")));
      const allJs = readdirSync(join(outDir, "assets"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => join(outDir, "assets", f));
      const initialBytes = initial.reduce((n, f) => n + gzipped(f), 0);
      const allBytes = allJs.reduce((n, f) => n + gzipped(f), 0);
      ctx.log(`B7: ${initial.length} initial script(s), ${allJs.length} in all`);
      return [
        row({
          id: "B7",
          what: "admin UI initial JavaScript, gzip",
          value: kb(initialBytes),
          unit: "KB",
          baseline: { name: "all JavaScript chunks", value: kb(allBytes) },
          goal: "≤ 250 KB",
          met: kb(initialBytes) <= 250,
        }),
      ];
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
