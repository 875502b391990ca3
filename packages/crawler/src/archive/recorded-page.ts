/** One fetched page as the archive keeps it: what was asked, and what the site answered. */
export interface RecordedPage {
  request: {
    /** The URL asked for. */
    url: string;
    method: "GET";
    headers: Record<string, string>;
  };
  response: {
    /** The URL that answered (after redirects); the WARC-Target-URI of both records. */
    url: string;
    status: number;
    /** Lower-case names. Content-Encoding, Transfer-Encoding and Content-Length describe `payload` as stored. */
    headers: Record<string, string>;
    /**
     * The body's bytes as the site sent them: still compressed when it came with a Content-Encoding (the headers
     * keep it), decoded when the fetcher had only the decoded page (the browser); the charset as the site sent it.
     */
    payload: Uint8Array;
  };
  /** Listing or detail page. */
  purpose: "listing" | "detail";
  fetchedAt: Date;
}

/**
 * The seam a crawl records its pages through (the server writes them to a WARC file). `record` is awaited before the
 * page is handed on, so a slow disk slows the crawl instead of piling pages up in memory.
 */
export interface PageRecorder {
  record(page: RecordedPage): Promise<void>;
}

/** Headers that describe the bytes on the wire, not the stored payload (which is whole). */
const WIRE_HEADERS = new Set(["content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"]);

/**
 * The response headers as they describe the stored payload: wire framing dropped, the Content-Encoding of a payload
 * stored compressed (null: stored decoded), the length of what is kept.
 */
export function storedHeaders(
  headers: Record<string, string>,
  payloadBytes: number,
  contentEncoding: string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!WIRE_HEADERS.has(lower)) out[lower] = value;
  }
  if (contentEncoding !== null) out["content-encoding"] = contentEncoding;
  out["content-length"] = String(payloadBytes);
  return out;
}
