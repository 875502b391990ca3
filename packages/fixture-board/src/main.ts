/**
 * Run the fixture board on its own, for the demo and benchmarks:
 *   tsx packages/fixture-board/src/main.ts --port 3001 --seed 1 [--pages 5] [--cards 50] [--weight 1048576] [--hostile] [--admin]
 * Prints its URL; with --admin (or DEMO_BOARD_ADMIN=1), faults can then be switched with POST /__admin/faults.
 */
import { parseArgs } from "node:util";
import { startFixtureBoard } from "./server";

const USAGE =
  "usage: tsx packages/fixture-board/src/main.ts [--port N] [--host H] [--seed N] [--pages N] [--cards N] [--weight BYTES] [--hostile] [--admin]";

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      pages: { type: "string" },
      cards: { type: "string" },
      weight: { type: "string" },
      hostile: { type: "boolean" },
      admin: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const board = await startFixtureBoard({
    port: int(values.port, "port") ?? 3001,
    host: values.host,
    seed: int(values.seed, "seed"),
    pagesPerKeyword: int(values.pages, "pages"),
    cardsPerPage: int(values.cards, "cards"),
    pageWeightBytes: int(values.weight, "weight"),
    hostilePostings: values.hostile ?? false,
    // the admin routes switch faults for anyone who can reach the board: only when asked
    admin: values.admin === true || process.env.DEMO_BOARD_ADMIN === "1",
  });
  console.log(`fixture board listening on ${board.url} (seed ${board.seed})`);
  console.log(`  try ${board.listingUrl("python-developer")}`);
  const stop = () => {
    board.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(1);
});
