import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { NetworkError, ResponseTooLargeError } from "../../src/fetch/errors";
import { decodeStoredBody, readBody } from "../../src/fetch/response-body";

const COMPRESS = { br: brotliCompressSync, gzip: gzipSync, deflate: deflateSync } as const;
/** A body as a socket hands it over: in 16 KB pieces. */
const wire = (bytes: Buffer) => {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 16 * 1024) pieces.push(bytes.subarray(at, at + 16 * 1024));
  return Readable.from(pieces);
};
const outcome = (promise: Promise<{ bytes: Buffer }>) =>
  promise.then(
    (r) => r.bytes,
    (e: Error) => e,
  );

describe("readBody: small compressed bodies decoded at once, big ones streamed, alike", () => {
  it("gives the same bytes for small bodies, big ones, and small ones that inflate past the one-call cap", async () => {
    const bodies = [
      Buffer.from("<html><body>Kế toán tổng hợp</body></html>"),
      Buffer.from("x".repeat(6 * 1024 * 1024)), // ~6 KB compressed: past the 4 MB the one call may inflate to
      randomBytes(300 * 1024), // 300 KB compressed: streamed from its 65th KB on
    ];
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      for (const body of bodies) {
        const packed = compress(body);
        const received = await readBody(wire(packed), encoding, 10 * 1024 * 1024, "https://x.test/p");
        expect(received.bytes.equals(body), `${encoding}, ${body.length} bytes`).toBe(true);
        // what came over the wire is kept too, byte for byte (the page archive stores it)
        expect(received.encoded?.equals(packed), `${encoding}, ${body.length} bytes, as sent`).toBe(true);
        expect((await decodeStoredBody(received.encoded!, encoding, 10 * 1024 * 1024, "u")).equals(body)).toBe(true);
      }
    }
  });

  it("holds the limit at the byte, and fails a bomb, a cut body and junk as the stream does", async () => {
    const body = Buffer.alloc(1000, 97);
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      const packed = compress(body);
      expect(await outcome(readBody(wire(packed), encoding, 999, "u"))).toBeInstanceOf(ResponseTooLargeError);
      expect((await outcome(readBody(wire(packed), encoding, 1000, "u"))) as Buffer).toHaveLength(1000);
      const bomb = compress(Buffer.alloc(20 * 1024 * 1024));
      expect(await outcome(readBody(wire(bomb), encoding, 10 * 1024 * 1024, "u")), encoding).toBeInstanceOf(
        ResponseTooLargeError,
      );
      const cut = await outcome(readBody(wire(packed.subarray(0, packed.length - 3)), encoding, 5000, "u"));
      expect(cut, encoding).toBeInstanceOf(NetworkError);
      expect((cut as Error).message).toMatch(new RegExp(`bad ${encoding} body: `));
      const junk = await outcome(readBody(wire(Buffer.from("not compressed at all")), encoding, 5000, "u"));
      expect(junk, encoding).toBeInstanceOf(NetworkError);
    }
  });
});

describe("the wire bytes kept for the page archive, and decoding them again", () => {
  it("keeps nothing for a body sent without a Content-Encoding, nor when truncating", async () => {
    const body = Buffer.from("<html>plain</html>");
    expect((await readBody(wire(body), undefined, 1000, "u")).encoded).toBeNull();
    expect((await readBody(wire(body), "identity", 1000, "u")).encoded).toBeNull();
    expect((await readBody(wire(gzipSync(body)), "gzip", 5, "u", { truncate: true })).encoded).toBeNull();
  });

  it("decodes stored bytes within the limit: a bomb is too large, junk and unknown encodings are bad bodies", async () => {
    const body = Buffer.alloc(1000, 97);
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      const packed = compress(body);
      expect((await decodeStoredBody(packed, encoding, 1000, "u")).equals(body)).toBe(true);
      await expect(decodeStoredBody(packed, encoding, 999, "u")).rejects.toBeInstanceOf(ResponseTooLargeError);
      const junk = decodeStoredBody(Buffer.from("not compressed at all"), encoding.toUpperCase(), 5000, "u");
      await expect(junk).rejects.toThrow(new RegExp(`bad ${encoding.toUpperCase()} body: `));
    }
    const big = randomBytes(300 * 1024); // 300 KB compressed: decoded in the thread pool
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      expect((await decodeStoredBody(compress(big), encoding, big.length, "u")).equals(big), encoding).toBe(true);
      await expect(decodeStoredBody(compress(big), encoding, big.length - 1, "u")).rejects.toBeInstanceOf(
        ResponseTooLargeError,
      );
    }
    expect((await decodeStoredBody(body, undefined, 10, "u")).equals(body)).toBe(true); // stored decoded: as is
    await expect(decodeStoredBody(body, "zstd", 5000, "u")).rejects.toBeInstanceOf(NetworkError);
  });
});
