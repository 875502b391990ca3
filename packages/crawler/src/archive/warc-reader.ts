import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { WARCParser, type WARCRecord } from "warcio";
import { REQUESTED_URI_FIELD } from "./warc-writer";

/** One record of an archive, as its headers tell it (its payload is not read). */
export interface WarcEntry {
  /** Byte offset of its gzip member in the file, and the member's length. */
  offset: number;
  length: number;
  type: string;
  /** WARC-Target-URI (null for warcinfo). */
  url: string | null;
  /** The URL asked for when a redirect made `url` answer; else null. */
  requestedUrl: string | null;
  /** HTTP status of a response record. */
  status: number | null;
  contentType: string | null;
  /** Payload bytes of a response record (its Content-Length as stored). */
  payloadBytes: number | null;
  date: string | null;
}

/** Where an archive stops being readable, and why. */
export interface ArchiveDamage {
  offset: number;
  reason: string;
}

export interface WarcScan {
  /** File size in bytes. */
  size: number;
  records: number;
  /** Null when every byte was read as records. */
  damage: ArchiveDamage | null;
}

/** A response record read back: what the site answered. */
export interface StoredResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  payload: Uint8Array;
  date: string | null;
}

/** Bytes read past a damaged offset to tell why it cannot be read. */
const DIAGNOSE_BYTES = 8 * 1024 * 1024;

function headerMap(record: WARCRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const headers = record.httpHeaders?.headers;
  if (headers) for (const [name, value] of headers as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  return out;
}

function entryOf(record: WARCRecord, offset: number, length: number): WarcEntry {
  const headers = record.warcType === "response" ? headerMap(record) : {};
  const declared = Number(headers["content-length"]);
  const status = record.warcType === "response" ? Number(record.httpHeaders?.statusCode) : Number.NaN;
  return {
    offset,
    length,
    type: record.warcType ?? "unknown",
    url: record.warcTargetURI ?? null,
    requestedUrl: record.warcHeader(REQUESTED_URI_FIELD) ?? null,
    status: Number.isFinite(status) ? status : null,
    contentType: headers["content-type"] ?? null,
    payloadBytes: Number.isFinite(declared) && headers["content-length"] !== undefined ? declared : null,
    date: record.warcDate ?? null,
  };
}

/** Why the bytes at `offset` are not a record: the gzip error, or what is there instead. */
async function diagnose(path: string, offset: number, size: number): Promise<string> {
  const length = Math.min(DIAGNOSE_BYTES, size - offset);
  const file = await open(path, "r");
  try {
    const bytes = Buffer.alloc(length);
    await file.read(bytes, 0, length, offset);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return "not a gzip member (corrupt data)";
    try {
      const text = gunzipSync(bytes).subarray(0, 16).toString("latin1");
      return text.startsWith("WARC/") ? "a damaged WARC record" : "not a WARC record (corrupt data)";
    } catch (error) {
      const message = (error as Error).message;
      return /unexpected end/i.test(message) && length === size - offset
        ? "truncated record (the file ends inside it)"
        : `corrupt gzip data: ${message}`;
    }
  } finally {
    await file.close();
  }
}

/**
 * Read an archive's records one by one, streaming from disk (payloads are skipped, never held), telling each to
 * `onEntry`. A truncated or corrupt archive is read up to the damage, which is returned with its offset and reason.
 */
export async function scanWarc(path: string, onEntry: (entry: WarcEntry) => void | Promise<void>): Promise<WarcScan> {
  const { size } = await stat(path);
  const parser = new WARCParser(createReadStream(path));
  let end = 0;
  let records = 0;
  let failure: string | null = null;
  try {
    for await (const record of parser) {
      const entry = entryOf(record, parser.offset, parser.recordLength);
      if (entry.length <= 0 || entry.offset + entry.length > size) break;
      await onEntry(entry);
      end = entry.offset + entry.length;
      records++;
    }
  } catch (error) {
    failure = (error as Error).message;
  }
  if (end >= size && failure === null) return { size, records, damage: null };
  const reason = end < size ? await diagnose(path, end, size) : `unreadable: ${failure}`;
  return { size, records, damage: { offset: end, reason } };
}

/** The response record at `entry` (one gzip member), read from disk on its own. Throws when it is damaged. */
export async function readWarcResponse(
  path: string,
  entry: Pick<WarcEntry, "offset" | "length">,
): Promise<StoredResponse> {
  const stream = createReadStream(path, { start: entry.offset, end: entry.offset + entry.length - 1 });
  try {
    const record = await new WARCParser(stream).parse();
    if (record?.warcType !== "response") throw new Error(`no response record at offset ${entry.offset}`);
    const headers = headerMap(record);
    const payload = await record.readFully(true);
    const declared = Number(headers["content-length"]);
    if (Number.isFinite(declared) && declared !== payload.byteLength) {
      throw new Error(
        `record at offset ${entry.offset} is damaged: ${payload.byteLength} of ${declared} payload bytes`,
      );
    }
    return {
      url: record.warcTargetURI ?? "",
      status: Number(record.httpHeaders?.statusCode),
      headers,
      payload,
      date: record.warcDate ?? null,
    };
  } finally {
    stream.destroy();
  }
}
