/**
 * Decode a page's bytes the way a browser would pick the encoding: byte order mark, then the Content-Type charset,
 * then a <meta charset> or <meta http-equiv="Content-Type"> in the first bytes, else UTF-8. TextDecoder knows the
 * WHATWG encodings (windows-1258 for Vietnamese, windows-1252, ...). Text from a legacy encoding is NFC-normalised:
 * windows-1258 writes tones as combining marks, which would otherwise never compare equal to the same UTF-8 text.
 */
const META_PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i;

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1258". */
  charset: string;
  /** Where it came from. */
  source: "bom" | "header" | "meta" | "default";
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
export function canonicalCharset(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = contentType ? HEADER_CHARSET.exec(contentType) : null;
  return match?.[1] ? canonicalCharset(match[1]) : null;
}

export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES)).toString(
    "latin1",
  );
  const match = META_CHARSET.exec(head);
  const charset = match?.[1] ? canonicalCharset(match[1]) : null;
  // a page that announces UTF-16 in ASCII bytes cannot be UTF-16 (HTML spec: treat as UTF-8)
  return charset?.startsWith("utf-16") ? "utf-8" : charset;
}

export function decodeBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  const bom = bomCharset(bytes);
  const header = bom ? null : charsetFromContentType(contentType);
  const meta = bom || header ? null : charsetFromMeta(bytes);
  const charset = bom ?? header ?? meta ?? "utf-8";
  const source = bom ? "bom" : header ? "header" : meta ? "meta" : "default";
  // TextDecoder strips the BOM itself
  const text = new TextDecoder(charset).decode(bytes);
  return { text: charset === "utf-8" ? text : text.normalize("NFC"), charset, source };
}
