/**
 * A windows-1258 (Vietnamese) encoder, for the "non-UTF-8 page" fault. Node can decode windows-1258 but not encode
 * it. The code page has the letters with circumflex, breve and horn (â ê ô ă ơ ư đ) but writes the five tones as
 * combining marks, so text is decomposed first: "ế" → "ê" + U+0301 → 0xEA 0xEC.
 */
let table: Map<number, number> | null = null;

function encodeTable(): Map<number, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("windows-1258");
  for (let byte = 0; byte < 256; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    const code = char.codePointAt(0);
    if (code !== undefined && char.length === 1 && code !== 0xfffd) table.set(code, byte);
  }
  return table;
}

const LETTER_WITH_MARKS = /([A-Za-z])([\u0300-\u036f]+)/g;
/** Circumflex, breve, horn: the code page holds them precomposed with their letter (â ă ê ô ơ ư). */
const SHAPE_MARK = /[\u0302\u0306\u031b]/;

/** NFD puts the dot below before the circumflex ("ậ" = a + U+0323 + U+0302): recompose the shape, keep the tone. */
function recompose(_match: string, letter: string, marks: string): string {
  const shapes = [...marks].filter((m) => SHAPE_MARK.test(m)).join("");
  const tones = [...marks].filter((m) => !SHAPE_MARK.test(m)).join("");
  return `${(letter + shapes).normalize("NFC")}${tones}`;
}

export function encodeWindows1258(text: string): Buffer {
  const map = encodeTable();
  const prepared = text.normalize("NFD").replace(LETTER_WITH_MARKS, recompose);
  const out = Buffer.alloc(prepared.length);
  let length = 0;
  for (const char of prepared) {
    const byte = map.get(char.codePointAt(0) ?? 0x3f);
    out[length++] = byte ?? 0x3f; // "?" for what the code page cannot hold
  }
  return out.subarray(0, length);
}
