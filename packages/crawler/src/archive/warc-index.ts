import { createReadStream } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { WarcEntry } from "./warc-reader";

const FORMAT = "jobsync-warc-index/1";

/** One response record of an archive, as a re-process looks it up. */
export type IndexedResponse = Pick<WarcEntry, "url" | "requestedUrl" | "offset" | "length">;

/**
 * The index of an archive's response records, written next to it (`<file>.idx.json`) by the writer that finished
 * it, with the file's size and CRC-32 then: a re-process that finds the file unchanged reads the index instead of
 * inflating every record to find them (the scan took a quarter of a re-process of B11's 289 pages). A file that
 * changed since — damaged, cut, appended to by a crash — does not match and is scanned, which finds the damage.
 */
export interface WarcIndex {
  format: typeof FORMAT;
  size: number;
  crc32: number;
  responses: IndexedResponse[];
}

export const indexPathFor = (warcPath: string) => `${warcPath}.idx.json`;

/** CRC-32 of a whole file, read as a stream. */
export async function fileCrc32(path: string): Promise<{ size: number; crc32: number }> {
  let crc = 0;
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    crc = crc32(chunk as Buffer, crc);
    size += (chunk as Buffer).length;
  }
  return { size, crc32: crc };
}

export async function writeWarcIndex(warcPath: string, index: Omit<WarcIndex, "format">): Promise<void> {
  await writeFile(indexPathFor(warcPath), JSON.stringify({ format: FORMAT, ...index }));
}

export async function removeWarcIndex(warcPath: string): Promise<void> {
  await rm(indexPathFor(warcPath), { force: true });
}

/** The index of `warcPath` when there is one and the file is still what it describes; else null (scan it). */
export async function readWarcIndex(warcPath: string): Promise<WarcIndex | null> {
  const text = await readFile(indexPathFor(warcPath), "utf8").catch(() => null);
  if (text === null) return null;
  let index: WarcIndex;
  try {
    index = JSON.parse(text) as WarcIndex;
  } catch {
    return null;
  }
  if (index.format !== FORMAT || !Array.isArray(index.responses)) return null;
  const actual = await fileCrc32(warcPath).catch(() => null);
  return actual && actual.size === index.size && actual.crc32 === index.crc32 ? index : null;
}
