import { readFileSync } from "node:fs";

/** The real pages in /work/shared/samples (read-only data). */
export const SAMPLES_DIR = new URL("../../../../../shared/samples/", import.meta.url);

export function readSample(path: string): string {
  return readFileSync(new URL(path, SAMPLES_DIR), "utf8");
}

export function samplePath(path: string): string {
  return new URL(path, SAMPLES_DIR).pathname;
}

export interface ParsedDetailRow {
  id: number;
  url: string;
  title: string;
  salary: { min: number | null; max: number | null; currency: string | null; interval: string | null };
  locations: string[];
  detail_sections: Record<string, { html: string | null; text: string | null }>;
  deadline: string | null;
  company: { name: string | null; url: string | null };
}

/** topcv/details-parsed-300.jsonl: 300 TopCV details parsed by another crawler, with their section HTML. */
export function readParsedDetails(): ParsedDetailRow[] {
  return readSample("topcv/details-parsed-300.jsonl")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ParsedDetailRow);
}
