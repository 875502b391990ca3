import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { removeWarcIndex } from "@jobsync/crawler";

const FILE_PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.warc\.gz$/i;

/**
 * The archive files: one `<sync job id>.warc.gz` per sync job in one directory (ARCHIVE_DIR), each with the index of
 * its records its writer left (`.warc.gz.idx.json`).
 */
export class ArchiveFiles {
  constructor(readonly dir: string) {}

  pathFor(syncJobId: string): string {
    return join(this.dir, `${syncJobId}.warc.gz`);
  }

  async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  /** Size of a sync job's file, or null when there is none. */
  async size(syncJobId: string): Promise<number | null> {
    const found = await stat(this.pathFor(syncJobId)).catch(() => null);
    return found?.isFile() ? found.size : null;
  }

  open(syncJobId: string): ReadStream {
    return createReadStream(this.pathFor(syncJobId));
  }

  /** A sync job's file and the index its writer left next to it. */
  async remove(syncJobIds: readonly string[]): Promise<void> {
    for (const id of syncJobIds) {
      await rm(this.pathFor(id), { force: true });
      await removeWarcIndex(this.pathFor(id));
    }
  }

  /** Sync job ids of the files in the directory. */
  async ids(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.flatMap((name) => {
      const match = FILE_PATTERN.exec(name);
      return match?.[1] ? [match[1].toLowerCase()] : [];
    });
  }
}
