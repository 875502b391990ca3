// @ts-check
import { existsSync, renameSync, rmSync } from "node:fs";

/**
 * Puts a finished build in place: `built` becomes `outDir`, whole. A process started from the old output keeps what
 * it loaded; two builds racing each leave a complete directory, the last one wins.
 * @param {string} built
 * @param {string} outDir
 */
export function swapDir(built, outDir) {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(built, outDir);
  } catch (error) {
    // another build put its own output there in between: it is as good as ours
    if (!existsSync(outDir)) throw error;
    rmSync(built, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}
