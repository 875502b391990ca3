import { createWriteStream, type WriteStream } from "node:fs";
import { stat, truncate } from "node:fs/promises";
import { STATUS_CODES } from "node:http";
import { basename } from "node:path";
import { crc32 } from "node:zlib";
import { WARCRecord } from "warcio";
import type { PageRecorder, RecordedPage } from "./recorded-page";
import { REQUESTED_URI_FIELD, WARC_VERSION } from "./warc-fields";
import { fileCrc32, type IndexedResponse, removeWarcIndex, writeWarcIndex } from "./warc-index";
import type { ArchiveDamage } from "./warc-reader";
import { scanWarc, TRUNCATED } from "./warc-reader";
import { serializeRecord } from "./warc-record-bytes";

/** Members are handed to the file in writes of at least this many bytes (and at close). */
const FLUSH_BYTES = 256 * 1024;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.byteLength > 0) yield bytes;
}

/** What a writer has written so far (warcinfo included). */
export interface ArchiveTally {
  bytes: number;
  pages: number;
}

/**
 * Writes recorded pages to one `.warc.gz` file as WARC/1.1 `request` + `response` record pairs, each record its own
 * gzip member (so a reader can seek to any record, and a damaged record spoils only itself and what follows), with
 * Webrecorder's warcio building the records (serializeRecord digests and compresses them natively, off the event
 * loop). Records go to disk as they come, in arrival order, in writes of FLUSH_BYTES; nothing but the page being
 * written and up to FLUSH_BYTES of compressed records is held in memory. Opening an existing file appends (a later attempt of a sync job adds to its
 * archive), after cutting off a record a crash left half written, so the file stays readable to its end. Closing
 * writes the index of the response records next to the file (warc-index.ts) unless a write failed or the file has
 * damage a scan would stop at.
 */
export class WarcWriter implements PageRecorder {
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  /** The running CRC-32 of the file's bytes, and whether the index can describe it. */
  private crc: number;
  private indexable: boolean;
  /** Members appended and not yet handed to the file. */
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;

  private constructor(
    private readonly path: string,
    private readonly out: WriteStream,
    private readonly tally: ArchiveTally,
    /** What an earlier writer left damaged at the end of the file, cut off before appending. */
    readonly repaired: ArchiveDamage | null,
    /** The file's response records (those an earlier writer left included), for its index. */
    private readonly responses: IndexedResponse[],
    earlier: { crc32: number; indexable: boolean },
  ) {
    this.crc = earlier.crc32;
    this.indexable = earlier.indexable;
  }

  static async open(path: string, software: string): Promise<WarcWriter> {
    let existing = await stat(path).catch(() => null);
    let repaired: ArchiveDamage | null = null;
    const responses: IndexedResponse[] = [];
    const earlier = { crc32: 0, indexable: true };
    await removeWarcIndex(path); // the file is about to change
    if (existing && existing.size > 0) {
      const { damage } = await scanWarc(path, ({ type, url, requestedUrl, offset, length }) => {
        if (type === "response") responses.push({ url, requestedUrl, offset, length });
      });
      // only a half-written last record is cut: corrupt bytes in the middle are left for other tools to recover
      if (damage?.reason.startsWith(TRUNCATED)) {
        repaired = damage;
        await truncate(path, damage.offset);
        existing = await stat(path);
      } else if (damage) {
        earlier.indexable = false;
      }
      earlier.crc32 = (await fileCrc32(path)).crc32;
    }
    const out = createWriteStream(path, { flags: "a" });
    await new Promise<void>((resolve, reject) => {
      out.once("open", () => resolve());
      out.once("error", reject);
    });
    const writer = new WarcWriter(path, out, { bytes: existing?.size ?? 0, pages: 0 }, repaired, responses, earlier);
    if (!existing || existing.size === 0) {
      const info = await WARCRecord.createWARCInfo(
        { filename: basename(path), warcVersion: WARC_VERSION },
        { software, format: "WARC File Format 1.1" },
      );
      await writer.write(await serializeRecord(info, null));
    }
    return writer;
  }

  /** Bytes in the file (those of the last few pages may still be in the writer's buffer) and pages written by this writer. */
  get written(): ArchiveTally {
    return { ...this.tally };
  }

  record(page: RecordedPage): Promise<void> {
    const next = this.chain.then(() => this.writePage(page));
    this.chain = next.catch(() => {}); // one failed page does not stop the next from being tried
    return next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain;
    const flushed = this.flush().then(
      () => null,
      (error: Error) => error,
    );
    const failure = await flushed;
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    if (failure) throw failure;
    if (!this.indexable) return;
    const index = { size: this.tally.bytes, crc32: this.crc, responses: this.responses };
    await writeWarcIndex(this.path, index).catch(() => removeWarcIndex(this.path)); // without it, readers scan
  }

  private async writePage(page: RecordedPage): Promise<void> {
    if (this.closed) throw new Error("the archive is closed");
    const date = page.fetchedAt.toISOString();
    const { request, response } = page;
    const extra: Record<string, string> = request.url !== response.url ? { [REQUESTED_URI_FIELD]: request.url } : {};
    const responseRecord = await WARCRecord.create(
      {
        url: response.url,
        date,
        type: "response",
        warcVersion: WARC_VERSION,
        statusline: `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`.trimEnd(),
        httpHeaders: response.headers,
        warcHeaders: extra,
      },
      once(response.payload),
    );
    const target = new URL(response.url);
    const requestRecord = await WARCRecord.create(
      {
        url: response.url,
        date,
        type: "request",
        warcVersion: WARC_VERSION,
        statusline: `${request.method} ${target.pathname}${target.search} HTTP/1.1`,
        httpHeaders: request.headers,
        warcHeaders: { "WARC-Concurrent-To": responseRecord.warcHeader("WARC-Record-ID") ?? "", ...extra },
      },
      once(new Uint8Array(0)),
    );
    const bytes = await Promise.all([
      serializeRecord(requestRecord, new Uint8Array(0)),
      serializeRecord(responseRecord, response.payload, {
        payloadCompressed: response.headers["content-encoding"] !== undefined,
      }),
    ]);
    const [requestBytes, responseBytes] = bytes;
    await this.write(requestBytes);
    const offset = this.tally.bytes;
    await this.write(responseBytes);
    this.responses.push({
      url: response.url,
      requestedUrl: request.url !== response.url ? request.url : null,
      offset,
      length: responseBytes.byteLength,
    });
    this.tally.pages++;
  }

  /**
   * Appends a member: to the writer's buffer, written to the file once FLUSH_BYTES are buffered (and at close). On a
   * 2-core machine every write handed to the thread pool cost the event loop more than the write (B11: 580 writes
   * for 289 pages, now ~5).
   */
  private write(chunk: Uint8Array): Promise<void> {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.byteLength;
    this.tally.bytes += chunk.byteLength;
    return this.bufferedBytes >= FLUSH_BYTES ? this.flush() : Promise.resolve();
  }

  private flush(): Promise<void> {
    if (this.buffered.length === 0) return Promise.resolve();
    const bytes = Buffer.concat(this.buffered);
    this.buffered = [];
    this.bufferedBytes = 0;
    this.crc = crc32(bytes, this.crc); // one call per write, in the order the bytes reach the file
    return new Promise((resolve, reject) => {
      this.out.write(bytes, (error) => {
        if (error) {
          this.indexable = false;
          this.tally.bytes -= bytes.byteLength;
          reject(error);
        } else resolve();
      });
    });
  }
}
