// @ts-check
/**
 * Builds what `npm start`, `npm run worker` and `npm run cli` run, when its sources changed since the last build:
 *   node scripts/build.mjs [server] [web] [--force] [--out DIR]
 * server: apps/server/src and the workspace packages → apps/server/dist/{main,worker,cli}.js (esbuild);
 * web: the admin UI → apps/web/dist (vite). No target: both. Up to date (same content hash of the inputs as the last
 * build, recorded in node_modules/.cache/jobsync-build): nothing is done or printed. --force builds anyway; --out
 * builds one target into another directory, without touching the recorded build. Messages go to stderr only, so
 * `npm run --silent cli -- ...` prints the command's own output and nothing else.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { inputsHash, isUpToDate, writeStamp } from "./build/stamp.mjs";
import { swapDir } from "./build/swap-dir.mjs";
import { ROOT, SERVER_TARGET, WEB_TARGET } from "./build/targets.mjs";

/** @typedef {import("./build/targets.mjs").BuildTarget} BuildTarget */

const USAGE = "usage: node scripts/build.mjs [server] [web] [--force] [--out DIR]";
/** @type {Record<string, BuildTarget>} */
const TARGETS = { server: SERVER_TARGET, web: WEB_TARGET };

/** esbuild's target from the root package.json's engines ("node24" for ">=24"). */
function nodeTarget() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const major = /^>=\s*(\d+)/.exec(pkg.engines.node)?.[1];
  if (!major) throw new Error(`engines.node must read ">=N", got "${pkg.engines.node}"`);
  return `node${major}`;
}

/**
 * @param {BuildTarget} target
 * @param {string} outDir
 */
async function buildInto(target, outDir) {
  // a sibling of outDir: the same relative paths to the sources and to node_modules
  const partial = join(dirname(outDir), `.${target.name}-build-${process.pid}`);
  // made first: the server bundle resolves each dependency from it, as Node will
  mkdirSync(partial, { recursive: true });
  try {
    if (target.name === "server") {
      const { bundleServer } = await import("./build/server-bundle.mjs");
      await bundleServer(ROOT, partial, nodeTarget());
    } else {
      const { bundleWeb } = await import("./build/web-bundle.mjs");
      await bundleWeb(ROOT, partial);
    }
    swapDir(partial, outDir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** @returns {Promise<number>} */
async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { force: { type: "boolean" }, out: { type: "string" }, help: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const unknown = positionals.filter((name) => !(name in TARGETS));
  if (unknown.length > 0) {
    console.error(`unknown build target ${unknown.join(", ")}: choose server and/or web\n${USAGE}`);
    return 2;
  }
  const targets = (positionals.length === 0 ? Object.keys(TARGETS) : [...new Set(positionals)]).map(
    (n) => /** @type {BuildTarget} */ (TARGETS[n]),
  );
  if (values.out !== undefined && targets.length !== 1) {
    console.error(`--out builds one target: name it (server or web)\n${USAGE}`);
    return 2;
  }
  for (const target of targets) {
    const started = performance.now();
    if (values.out !== undefined) {
      await buildInto(target, resolve(values.out));
    } else {
      const hash = inputsHash(ROOT, target);
      if (!values.force && isUpToDate(ROOT, target, hash)) continue;
      await buildInto(target, join(ROOT, target.outDir));
      writeStamp(ROOT, target, hash);
    }
    console.error(`built the ${target.label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // esbuild and vite have printed the details already
    console.error(`build failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exitCode = 1;
  },
);
