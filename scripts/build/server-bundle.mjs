// @ts-check
import { copyFileSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import * as esbuild from "esbuild";

/** The three processes, each one file in outDir (their shared code in chunk-*.js beside them). */
export const SERVER_ENTRIES = {
  main: "apps/server/src/main.ts",
  worker: "apps/server/src/worker.ts",
  cli: "apps/server/src/cli/main.ts",
};

/**
 * The parse pool's worker thread: its script is copied beside the bundle and the task it runs is bundled as an entry
 * of its own, so that in production a worker loads compiled JavaScript (never the TypeScript loader).
 */
const PARSE_WORKER = {
  pool: "packages/crawler/src/parse/parse-pool.ts",
  script: "packages/crawler/src/parse/parse-worker.mjs",
  task: "packages/crawler/src/parse/parse-task.ts",
};

const RESOLVING = Symbol("resolving");

/**
 * @param {string} outDir
 * @param {string} file
 */
function specifierFrom(outDir, file) {
  const path = relative(outDir, file).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Sources that read files beside them (migrations, the admin UI's dist, the board's assets) do it through
 * `import.meta.url`: in the bundle it still names the source file, relative to the bundle's own location, so those
 * paths resolve as they do under tsx and the output can move with the repository.
 * @param {string} outDir
 * @returns {esbuild.Plugin}
 */
function sourceImportMetaUrl(outDir) {
  return {
    name: "source-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        // the pool finds its worker script beside itself: in the bundle, beside the chunk that holds it
        if (args.path.endsWith(PARSE_WORKER.pool.split("/").join(sep))) return undefined;
        const text = readFileSync(args.path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        const source = `new URL(${JSON.stringify(specifierFrom(outDir, args.path))}, import.meta.url).href`;
        return { contents: text.replaceAll("import.meta.url", source), loader: "ts" };
      });
    },
  };
}

/**
 * The workspace packages (@jobsync/*) are bundled from their TypeScript sources; npm dependencies stay in
 * node_modules, imported by name, so the bundle loads exactly what tsx would. A dependency that the importing package
 * has in a version of its own (nested in its node_modules) is imported by that file's path instead of by name.
 * @param {string} outDir
 * @returns {esbuild.Plugin}
 */
function dependenciesExternal(outDir) {
  return {
    name: "dependencies-external",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.path.startsWith("@jobsync/")) return undefined;
        if (args.path.startsWith("node:") || builtinModules.includes(args.path)) {
          return { path: args.path, external: true };
        }
        const options = { kind: args.kind, pluginData: RESOLVING };
        const fromImporter = await build.resolve(args.path, { ...options, resolveDir: args.resolveDir });
        if (fromImporter.errors.length > 0) return { errors: fromImporter.errors };
        const fromBundle = await build.resolve(args.path, { ...options, resolveDir: outDir });
        if (fromBundle.errors.length === 0 && fromBundle.path === fromImporter.path) {
          return { path: args.path, external: true };
        }
        return { path: specifierFrom(outDir, fromImporter.path), external: true };
      });
    },
  };
}

/**
 * Bundles the server, the worker and the CLI into outDir: ES modules for `target` ("node24"), with source maps.
 * @param {string} root
 * @param {string} outDir
 * @param {string} target
 */
export async function bundleServer(root, outDir, target) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      ...Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, path]) => [name, join(root, path)])),
      "parse-task": join(root, PARSE_WORKER.task),
    },
    outdir: outDir,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target,
    sourcemap: "linked",
    // class names survive: error names and log lines read them
    keepNames: true,
    logLevel: "warning",
    plugins: [sourceImportMetaUrl(outDir), dependenciesExternal(outDir)],
  });
  copyFileSync(join(root, PARSE_WORKER.script), join(outDir, "parse-worker.mjs"));
}
