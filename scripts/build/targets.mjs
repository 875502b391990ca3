// @ts-check
import { fileURLToPath } from "node:url";

/** The repository's root directory. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What one build reads and writes, relative to the repository root.
 * @typedef {object} BuildTarget
 * @property {"server" | "web"} name
 * @property {string} label what it is, for the one line printed when it is rebuilt
 * @property {readonly string[]} inputs files and directories whose contents decide the output (a directory: every
 *   file below it)
 * @property {string} outDir the directory it writes
 * @property {string} marker a file that exists in outDir after a good build
 */

/** Shared by both: the dependency versions, the root package.json (engines, the pinned Node) and these scripts. */
const COMMON_INPUTS = ["package.json", "package-lock.json", "scripts/build.mjs", "scripts/build"];

/**
 * The API server, the worker and the CLI: apps/server and the workspace packages it bundles.
 * @type {BuildTarget}
 */
export const SERVER_TARGET = {
  name: "server",
  label: "server (esbuild)",
  inputs: [
    ...COMMON_INPUTS,
    "apps/server/package.json",
    "apps/server/src",
    "packages/contracts/package.json",
    "packages/contracts/src",
    "packages/crawler/package.json",
    "packages/crawler/src",
    "packages/fixture-board/package.json",
    "packages/fixture-board/src",
  ],
  outDir: "apps/server/dist",
  marker: "main.js",
};

/**
 * The admin UI: apps/web and the contracts it imports.
 * @type {BuildTarget}
 */
export const WEB_TARGET = {
  name: "web",
  label: "admin UI (vite)",
  inputs: [
    ...COMMON_INPUTS,
    "apps/web/package.json",
    "apps/web/index.html",
    "apps/web/vite.config.ts",
    "apps/web/src",
    "packages/contracts/package.json",
    "packages/contracts/src",
  ],
  outDir: "apps/web/dist",
  marker: "index.html",
};
