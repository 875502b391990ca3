import { fileURLToPath } from "node:url";
import { type Child, startChild } from "./processes";

const BOARD_MAIN = fileURLToPath(new URL("../../packages/fixture-board/src/main.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

export const KEYWORDS = ["python-developer", "java-developer", "javascript-developer", "ke-toan", "marketing"];

export interface BoardShape {
  keywords: readonly string[];
  pagesPerKeyword: number;
  cardsPerPage: number;
  pageWeightBytes: number;
}

export interface BoardProcess {
  url: string;
  pid: number;
  shape: BoardShape;
  listingUrls(): string[];
  close(): Promise<void>;
}

/**
 * The fixture board in a process of its own (as `tsx packages/fixture-board/src/main.ts` runs it), so the crawler
 * under test and the board do not share one event loop: every contender meets the same board.
 */
export async function startBoardProcess(
  shape: BoardShape,
  /** Serve the admin routes (POST /__admin/faults switches fault rules, e.g. a latency). */
  admin = false,
): Promise<BoardProcess> {
  const child: Child = startChild(TSX, [
    BOARD_MAIN,
    "--port",
    "0",
    "--seed",
    "1",
    "--pages",
    String(shape.pagesPerKeyword),
    "--cards",
    String(shape.cardsPerPage),
    "--weight",
    String(shape.pageWeightBytes),
    ...(admin ? ["--admin"] : []),
  ]);
  const match = await child.waitFor(/listening on (http:\/\/[^\s]+)/);
  const url = match[1]!;
  return {
    url,
    pid: child.process.pid!,
    shape,
    listingUrls: () =>
      shape.keywords.flatMap((keyword) =>
        Array.from(
          { length: shape.pagesPerKeyword },
          (_, i) => `${url}/tim-viec-lam-${keyword}?type_keyword=1&page=${i + 1}&sba=1`,
        ),
      ),
    close: () => child.stop(),
  };
}
