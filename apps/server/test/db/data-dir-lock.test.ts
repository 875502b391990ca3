import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/db/data-dir-lock";
import { openPglite } from "../../src/db/pglite";

describe("data directory lock", () => {
  it("refuses a second opener in this process, and takes over a stale lock", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-lock-"));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    writeFileSync(join(dir, "jobsync.lock"), "999999");
    const again = lockDataDir(dir);
    again();
  });

  it("refuses a second process on the same DATA_DIR with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsync-lock-"));
    const database = await openPglite({ dataDir: dir });
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: new URL("../..", import.meta.url).pathname,
        env: { PATH: process.env.PATH, DATA_DIR: dir, PORT: "0", DEMO_BOARD: "0" },
        encoding: "utf8",
        timeout: 90_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`already open by another jobsync process (pid ${process.pid})`);
    } finally {
      await database.close();
    }
    expect(() => lockDataDir(dir)()).not.toThrow();
  });

  it("names the error class", () => {
    expect(new DataDirLockedError("/d", 1).message).toContain("PGlite allows one process only");
  });
});
