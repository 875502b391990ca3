import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/**
 * A WARC reader for the tests only, independent of warcio (which wrote the files): node:zlib inflates the gzip
 * members, and a minimal header parser splits the records (WARC/1.1 §4: version line, named fields, CRLF, block of
 * Content-Length bytes, CRLF CRLF).
 */
export interface IndependentRecord {
  fields: Record<string, string>;
  /** Response records: the HTTP status, headers (lower-case) and payload. */
  http: { status: number; headers: Record<string, string>; payload: Buffer } | null;
  /** sha256 of the payload, as "sha256:<hex>". */
  payloadDigest: string | null;
  /** sha256 of the whole block (HTTP headers and payload of a response), as "sha256:<hex>". */
  blockDigest: string;
}

function headerBlock(text: string): { first: string; fields: Record<string, string> } {
  const [first = "", ...lines] = text.split("\r\n");
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) fields[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { first, fields };
}

export function readWarcIndependently(path: string): IndependentRecord[] {
  const data = gunzipSync(readFileSync(path)); // concatenated members inflate one after the other
  const records: IndependentRecord[] = [];
  let at = 0;
  while (at < data.length) {
    const headEnd = data.indexOf("\r\n\r\n", at);
    if (headEnd < 0) throw new Error(`no end of WARC headers after offset ${at}`);
    const { first, fields } = headerBlock(data.subarray(at, headEnd).toString("utf8"));
    if (first !== "WARC/1.1") throw new Error(`not a WARC/1.1 record at ${at}: ${first}`);
    const length = Number(fields["content-length"]);
    const block = data.subarray(headEnd + 4, headEnd + 4 + length);
    at = headEnd + 4 + length + 4;
    let http: IndependentRecord["http"] = null;
    if (fields["warc-type"] === "response") {
      const httpEnd = block.indexOf("\r\n\r\n");
      const parsed = headerBlock(block.subarray(0, httpEnd).toString("latin1"));
      http = {
        status: Number(parsed.first.split(" ")[1]),
        headers: parsed.fields,
        payload: Buffer.from(block.subarray(httpEnd + 4)),
      };
    }
    records.push({
      fields,
      http,
      payloadDigest: http ? `sha256:${createHash("sha256").update(http.payload).digest("hex")}` : null,
      blockDigest: `sha256:${createHash("sha256").update(block).digest("hex")}`,
    });
  }
  return records;
}
