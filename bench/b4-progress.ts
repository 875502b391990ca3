import type { Benchmark } from "./bench-types";
import { KEYWORDS, startBoardProcess } from "./lib/board-process";
import { interleave, median } from "./lib/measure";
import { row } from "./lib/report";
import { openBenchApp, runPipelineWith } from "./lib/sync-harness";

/**
 * B4 progress overhead: the same sync (fresh embedded database each time) with progress tracked as the runner does
 * (reducer + batched writes of the sync job row and its event log + SSE notifications) and with a no-op manager.
 */
export const b4Progress: Benchmark = {
  id: "B4",
  title: "progress overhead",
  async run(ctx) {
    const board = await startBoardProcess({
      keywords: KEYWORDS,
      pagesPerKeyword: ctx.full ? 50 : 4,
      cardsPerPage: 50,
      pageWeightBytes: 1024 * 1024,
    });
    try {
      const once = async (kind: "tracked" | "noop") => {
        const app = await openBenchApp("pglite", board);
        try {
          return (await runPipelineWith(app, kind)).ms;
        } finally {
          await app.close();
        }
      };
      await once("noop"); // warm-up, not counted
      const samples = await interleave(ctx.rounds, { tracked: () => once("tracked"), noop: () => once("noop") });
      const tracked = median(samples.tracked) / 1000;
      const noop = median(samples.noop) / 1000;
      return [
        row({
          id: "B4",
          what: "sync with progress tracking, PGlite",
          value: tracked,
          unit: "s",
          baseline: { name: "no-op progress manager", value: noop },
          goal: "≤ 1.05×",
          met: tracked / noop <= 1.05,
        }),
      ];
    } finally {
      await board.close();
    }
  },
};
