/**
 * Loads (or finds) B9's corpus of `size` postings ahead of a run, e.g. before `npm run bench -- B9 --full`:
 *   npx tsx bench/load-b9-corpus.ts 1000000
 */
import { postingsCorpus } from "./lib/postings-corpus";

const size = Number(process.argv[2]);
if (!Number.isInteger(size) || size < 1) throw new Error("usage: npx tsx bench/load-b9-corpus.ts <postings>");
const started = Date.now();
const corpus = await postingsCorpus(size, console.log);
console.log(`${corpus.url} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
