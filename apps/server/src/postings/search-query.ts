/**
 * A search box text → two tsquery literals over the search index of migration 0009, whose lexemes are words and
 * pairs of neighbouring syllables ('ke_toan'):
 * - `phrase`: the syllables in order — each neighbouring pair must be there ("ke toan" is 'ke_toan', never
 *   "kế hoạch … toàn"), the last syllable as a prefix so "lap tri" finds "Lập trình" while typing;
 * - `words`: every syllable anywhere (the last one a prefix), used on the small title vector only ("lap trinh
 *   python" also finds "Lập trình viên Python" by its title).
 * One syllable is the same query for both. Only letters and digits survive, so no input can break the tsquery
 * syntax; the server folds accents on both sides (`jobsync_unaccent`), which makes the search accent-insensitive.
 */
export interface SearchTsqueries {
  phrase: string;
  words: string;
}

export const MAX_SEARCH_SYLLABLES = 12;

export function toSearchTsqueries(text: string): SearchTsqueries | null {
  const words = text
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_SEARCH_SYLLABLES);
  if (words.length === 0) return null;
  const last = words.length - 1;
  const prefix = (lexeme: string, isLast: boolean) => `'${lexeme}'${isLast ? ":*" : ""}`;
  const all = words.map((w, i) => prefix(w, i === last)).join(" & ");
  if (words.length === 1) return { phrase: all, words: all };
  const pairs = words.slice(1).map((w, i) => prefix(`${words[i]}_${w}`, i + 1 === last));
  return { phrase: pairs.join(" & "), words: all };
}
