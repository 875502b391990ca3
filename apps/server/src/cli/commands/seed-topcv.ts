import { DataSourceRepository } from "../../data-sources/data-source.repository";
import { seedTopcv } from "../../data-sources/seed-topcv";
import { parseFlags } from "../args";
import { type CliIo, withDatabase } from "../cli-context";

export const SEED_USAGE = `seed:topcv [--force]
  create the TopCV data source with the guide's config, or repair a missing/invalid config;
  an admin's valid edits are kept unless --force`;

const SAID = {
  created: "created the TopCV data source",
  repaired: "repaired the TopCV data source's config",
  unchanged: "TopCV data source already configured (use --force to reset its config)",
  overwritten: "reset the TopCV data source's config to the guide's",
} as const;

export async function seedTopcvCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { force: { type: "boolean" } });
  return withDatabase(async (database) => {
    const outcome = await seedTopcv(new DataSourceRepository(database.db), { force: flags.force === true });
    io.stdout(SAID[outcome]);
    return 0;
  });
}
