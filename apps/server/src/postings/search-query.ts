/**
 * A search box text → a `to_tsquery` expression: words joined by AND, the last one as a prefix (so "lap tri" finds
 * "Lập trình" while typing). Only letters and digits survive, so no input can break the tsquery syntax. The server
 * folds accents on both sides (`jobsync_unaccent`), which makes the search accent-insensitive.
 */
export function toPrefixTsquery(text: string): string | null {
  const words = text
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}
