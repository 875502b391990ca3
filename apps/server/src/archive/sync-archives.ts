import { ArchiveChain, ArchiveFetcher, type ArchiveTally, type PageArchive, WarcWriter } from "@jobsync/crawler";
import type { ArchiveRepository } from "./archive.repository";
import type { ArchiveFiles } from "./archive-files";

const SOFTWARE = "jobsync (warcio.js)";

/** A sync job's archive cannot be read: it never had one (400), or its file is gone (404). */
export class ArchiveUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: "none" | "gone",
  ) {
    super(message);
    this.name = "ArchiveUnavailableError";
  }
}

/**
 * The page archives as the sync engine uses them: begin a sync job's file (its row first), finish it with its size
 * and pages, open a finished one as a page source, and tidy after a sync job ends (files whose sync job retention
 * deleted, and the source's archives past its `archive_max_mb`, oldest first).
 */
export class SyncArchives {
  constructor(
    readonly files: ArchiveFiles,
    readonly repository: ArchiveRepository,
    /** A sync job's progress changed here (its archive went): readers of this process refresh their copy. */
    private readonly changed: (syncJobId: string, version: number) => void = () => {},
  ) {}

  async begin(syncJobId: string, dataSourceId: string): Promise<WarcWriter> {
    await this.repository.register(syncJobId, dataSourceId);
    await this.files.ensureDir();
    return WarcWriter.open(this.files.pathFor(syncJobId), SOFTWARE);
  }

  async finish(syncJobId: string, writer: WarcWriter): Promise<ArchiveTally> {
    await writer.close();
    const tally = writer.written;
    await this.repository.saveTally(syncJobId, tally);
    return tally;
  }

  /** Where a sync job's archive is; throws ArchiveUnavailableError when it has none or it is gone. */
  async locate(syncJobId: string): Promise<{ path: string; size: number }> {
    const row = await this.repository.find(syncJobId);
    if (!row) {
      throw new ArchiveUnavailableError(
        `sync job ${syncJobId} has no page archive (its source did not archive pages, or it was itself re-processed)`,
        "none",
      );
    }
    const size = row.deletedAt ? null : await this.files.size(syncJobId);
    if (size === null) {
      throw new ArchiveUnavailableError(
        `the page archive of sync job ${syncJobId} is gone${row.deletedAt ? " (deleted by the source's archive_max_mb cap)" : " (its file is missing)"}`,
        "gone",
      );
    }
    return { path: this.files.pathFor(syncJobId), size };
  }

  /**
   * A finished sync job's archive as a page source (its index read, up to any damage), followed by the archives of
   * the sync jobs it resumed, which hold the pages its checkpoint restored (those gone are left out: their pages
   * fail as "not in the archive").
   */
  async source(syncJobId: string): Promise<{ archive: PageArchive; resumed: string[] }> {
    const own = await ArchiveFetcher.open((await this.locate(syncJobId)).path);
    const earlier: ArchiveFetcher[] = [];
    const resumed: string[] = [];
    try {
      for (const id of await this.repository.resumedChain(syncJobId)) {
        const located = await this.locate(id).catch((error: unknown) => {
          if (error instanceof ArchiveUnavailableError) return null;
          throw error;
        });
        if (!located) continue;
        earlier.push(await ArchiveFetcher.open(located.path));
        resumed.push(id);
      }
    } catch (error) {
      // the files opened so far are closed now, not when the garbage collector finds their handles (DEP0137)
      await Promise.all([own, ...earlier].map((archive) => archive.close()));
      throw error;
    }
    return { archive: earlier.length === 0 ? own : new ArchiveChain([own, ...earlier]), resumed };
  }

  /** After a sync job ended: files without a kept archive row go, then the source's archives past its cap. */
  async tidy(dataSourceId: string, maxBytes: number): Promise<string[]> {
    const capped = await this.repository.trimToCap(dataSourceId, maxBytes);
    await this.files.remove(capped.map((c) => c.syncJobId));
    for (const c of capped) this.changed(c.syncJobId, c.version);
    const ids = await this.files.ids();
    const kept = await this.repository.existing(ids);
    const orphans = ids.filter((id) => !kept.has(id));
    await this.files.remove(orphans);
    return [...capped.map((c) => c.syncJobId), ...orphans];
  }
}
