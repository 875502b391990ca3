// @ts-check
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** @typedef {import("./targets.mjs").BuildTarget} BuildTarget */

/** Tests are not part of what a build ships: editing one does not make the build stale. */
const IGNORED = /(^|\/)(node_modules|dist)(\/|$)|\.test\.tsx?$|(^|\/)\./;

/**
 * @param {string} root
 * @param {string} path
 * @param {string[]} out
 */
function filesUnder(root, path, out) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(full)) {
    const child = `${path}/${entry}`;
    if (!IGNORED.test(child)) filesUnder(root, child, out);
  }
}

/**
 * A content hash of a target's inputs: every file's path and bytes, in path order. Content, not mtimes: a checkout
 * or a copy that touches files without changing them does not rebuild, and an edit always does.
 * @param {string} root
 * @param {BuildTarget} target
 * @returns {string}
 */
export function inputsHash(root, target) {
  /** @type {string[]} */
  const files = [];
  for (const input of target.inputs) filesUnder(root, input, files);
  const hash = createHash("sha256");
  for (const file of [...new Set(files)].sort()) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

/**
 * Where the hash of a target's last good build is kept (npm ci empties node_modules, and so rebuilds).
 * @param {string} root
 * @param {BuildTarget} target
 */
export function stampPath(root, target) {
  return join(root, "node_modules/.cache/jobsync-build", `${target.name}.json`);
}

/**
 * True when the target's outDir holds a build of exactly these inputs.
 * @param {string} root
 * @param {BuildTarget} target
 * @param {string} hash
 */
export function isUpToDate(root, target, hash) {
  if (!existsSync(join(root, target.outDir, target.marker))) return false;
  try {
    return JSON.parse(readFileSync(stampPath(root, target), "utf8")).hash === hash;
  } catch {
    return false;
  }
}

/**
 * Records a good build of these inputs into the target's outDir.
 * @param {string} root
 * @param {BuildTarget} target
 * @param {string} hash
 */
export function writeStamp(root, target, hash) {
  const path = stampPath(root, target);
  mkdirSync(join(path, ".."), { recursive: true });
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
  renameSync(partial, path);
}
