import { decodeBody } from "@jobsync/crawler";
import { archiveDirFromEnv } from "../../app/service-options";
import { ArchiveRepository } from "../../archive/archive.repository";
import { ArchiveService } from "../../archive/archive.service";
import { ArchiveFiles } from "../../archive/archive-files";
import { SyncArchives } from "../../archive/sync-archives";
import { AppError } from "../../errors/app-error";
import { SyncJobRepository } from "../../sync/sync-job.repository";
import { CliError, type CliIo, withDatabase } from "../cli-context";

export const ARCHIVE_USAGE = `archive list
  every sync job's page archive (ARCHIVE_DIR): sync job, source, status, pages, size
archive show <job_id>
  the archived pages of a sync job: URL, HTTP status, size; and where the archive is damaged, if it is
archive extract <job_id> <url>
  print the archived page of <url> (its body, decoded as it was fetched); its status and type go to stderr`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function jobId(value: string | undefined): string {
  if (value === undefined) throw new CliError("missing <job_id>");
  if (!UUID.test(value)) throw new CliError(`job_id must be a UUID, got "${value}"`);
  return value;
}

/** An API-style refusal (404 gone, 400 none) is a plain CLI error with the same message. */
async function asCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

/** `npm run cli -- archive list|show|extract`. */
export async function archiveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "list" && action !== "show" && action !== "extract") {
    throw new CliError(`use archive list, archive show <job_id> or archive extract <job_id> <url>`);
  }
  const expected = { list: 0, show: 1, extract: 2 }[action];
  if (rest.length > expected) throw new CliError(`archive ${action} takes ${expected} argument(s), got ${rest.length}`);
  const id = action === "list" ? "" : jobId(rest[0]);
  if (action === "extract" && !rest[1]) throw new CliError("missing <url>");
  return withDatabase(async (database, env) => {
    const archives = new SyncArchives(new ArchiveFiles(archiveDirFromEnv(env)), new ArchiveRepository(database.db));
    const service = new ArchiveService(archives, new SyncJobRepository(database.db));
    if (action === "list") {
      const rows = await service.list();
      for (const row of rows) {
        io.stdout(
          `${row.syncJobId}  ${row.siteName}  ${row.status}  ${row.pages} pages  ${mb(row.bytes)}  ${row.createdAt}`,
        );
      }
      io.stderr(`${rows.length} archives in ${archives.files.dir}`);
      return 0;
    }
    if (action === "show") {
      const listing = await asCli(() => service.show(id));
      for (const page of listing.pages) {
        const encoding = page.contentEncoding ? ` (${page.contentEncoding})` : "";
        io.stdout(`${page.status ?? "-"}  ${page.payloadBytes ?? "?"} bytes${encoding}  ${page.url}`);
      }
      io.stderr(`${listing.pages.length} pages, ${mb(listing.size)}`);
      if (listing.damage) {
        io.stderr(`damaged at offset ${listing.damage.offset}: ${listing.damage.reason}`);
        return 1;
      }
      return 0;
    }
    const stored = await asCli(() => service.extract(id, rest[1] as string));
    io.stderr(`HTTP ${stored.status}  ${stored.headers["content-type"] ?? "?"}  ${stored.payload.byteLength} bytes`);
    io.stdout(decodeBody(stored.payload, stored.headers["content-type"]).text);
    return 0;
  });
}
