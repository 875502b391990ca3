import { open } from "node:fs/promises";
import { AsyncIterReader, WARCParser, type WARCRecord } from "warcio";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../fetch/defaults";
import { ResponseTooLargeError } from "../fetch/errors";
import { decodeStoredBody } from "../fetch/response-body";
import { type GzipMember, GzipMembers } from "./gzip-members";
import { REQUESTED_URI_FIELD } from "./warc-fields";

export { TRUNCATED } from "./gzip-members";

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
  /** The Content-Encoding its payload is stored with (as the site sent it), null when stored decoded. */
  contentEncoding: string | null;
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
  /** The HTTP headers as archived (a payload stored compressed keeps its Content-Encoding here). */
  headers: Record<string, string>;
  /** The body, content-encoding removed (the charset as the site sent it). */
  payload: Uint8Array;
  /** The payload's bytes in the archive (compressed ones as the site sent them). */
  storedBytes: number;
  date: string | null;
}

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
    contentEncoding: headers["content-encoding"] ?? null,
    date: record.warcDate ?? null,
  };
}

/** The WARC record a member inflated to, or why it is not one. */
async function recordOf(inflated: Buffer): Promise<WARCRecord | string> {
  if (inflated.subarray(0, 5).toString("latin1") !== "WARC/") return "not a WARC record (corrupt data)";
  try {
    // already inflated: warcio is told so (else it tries pako on the bytes first)
    return (await new WARCParser(new AsyncIterReader([inflated], null)).parse()) ?? "a damaged WARC record";
  } catch {
    return "a damaged WARC record";
  }
}

/**
 * Read an archive's records one by one (one gzip member each, inflated by node:zlib; each record is let go once told),
 * telling each to `onEntry`. A truncated or corrupt archive is read up to the damage, which is returned with its
 * offset and reason.
 */
export async function scanWarc(path: string, onEntry: (entry: WarcEntry) => void | Promise<void>): Promise<WarcScan> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const members = new GzipMembers(file, size);
    let offset = 0;
    let records = 0;
    while (offset < size) {
      const member = await members.at(offset);
      if ("damage" in member) return { size, records, damage: { offset, reason: member.damage } };
      const record = await recordOf(member.inflated);
      if (typeof record === "string") return { size, records, damage: { offset, reason: record } };
      await onEntry(entryOf(record, offset, member.length));
      offset += member.length;
      records++;
    }
    return { size, records, damage: null };
  } finally {
    await file.close();
  }
}

/**
 * The response record at `entry` (one gzip member), read from disk on its own and inflated by node:zlib in libuv's
 * thread pool. (warcio's streaming reader, which inflates in JavaScript, returned 1 MB payloads cut short when several
 * were read at once.) `file`: the archive's path, or its members read through one window (a re-process reads
 * every page through one, mostly in file order: one read serves many records). Throws when it is damaged.
 */
export async function readWarcResponse(
  file: string | GzipMembers,
  entry: Pick<WarcEntry, "offset" | "length">,
): Promise<StoredResponse> {
  let member: GzipMember;
  if (typeof file === "string") {
    const handle = await open(file, "r");
    try {
      const size = entry.offset + entry.length; // bytes past the record are not read
      member = await new GzipMembers(handle, size).at(entry.offset, entry.length);
    } finally {
      await handle.close();
    }
  } else {
    member = await file.at(entry.offset, entry.length);
  }
  if ("damage" in member) throw new Error(`record at offset ${entry.offset} is damaged: ${member.damage}`);
  const record = await recordOf(member.inflated);
  if (typeof record === "string") throw new Error(`record at offset ${entry.offset} is damaged: ${record}`);
  if (record.warcType !== "response") throw new Error(`no response record at offset ${entry.offset}`);
  const headers = headerMap(record);
  const stored = await record.readFully(true);
  const declared = Number(headers["content-length"]);
  if (Number.isFinite(declared) && declared !== stored.byteLength) {
    throw new Error(`record at offset ${entry.offset} is damaged: ${stored.byteLength} of ${declared} payload bytes`);
  }
  const url = record.warcTargetURI ?? "";
  let payload: Uint8Array;
  try {
    payload = await decodeStoredBody(stored, headers["content-encoding"], DEFAULT_MAX_RESPONSE_BYTES, url);
  } catch (error) {
    const reason =
      error instanceof ResponseTooLargeError
        ? `its page decodes to more than ${DEFAULT_MAX_RESPONSE_BYTES} bytes`
        : `bad ${headers["content-encoding"]} body: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`;
    throw new Error(`record at offset ${entry.offset} is damaged: ${reason}`);
  }
  return {
    url,
    status: Number(record.httpHeaders?.statusCode),
    headers,
    payload,
    storedBytes: stored.byteLength,
    date: record.warcDate ?? null,
  };
}
