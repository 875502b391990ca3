import { renormalizeAll } from "../../postings/renormalize";
import { RenormalizeRepository } from "../../postings/renormalize.repository";
import { parseFlags } from "../args";
import { type CliIo, withDatabase } from "../cli-context";

export const RENORMALIZE_USAGE = `renormalize [--dry-run]
  re-read every stored job posting's salary (pay periods and monthly equivalents), provinces and years of
  experience from its stored raw values with today's normalisers, without a re-crawl; --dry-run counts only`;

/** `npm run cli -- renormalize`: the data migration of the normalisers, run once after an upgrade (safe to re-run). */
export async function renormalizeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { "dry-run": { type: "boolean" } });
  const dryRun = flags["dry-run"] === true;
  return withDatabase(async (database) => {
    const summary = await renormalizeAll(new RenormalizeRepository(database.db), { dryRun });
    const verb = dryRun ? "would re-normalise" : "re-normalised";
    io.stdout(`read ${summary.read} job postings; ${verb} ${summary.changed}`);
    const { salary, provinces, experience } = summary.parts;
    io.stdout(`  salary ${salary}, provinces ${provinces}, experience ${experience}`);
    for (const example of summary.examples) io.stdout(`  posting ${example.id}: ${example.changed.join(", ")}`);
    return 0;
  });
}
