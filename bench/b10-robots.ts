import { RobotsTxt } from "@jobsync/crawler";
import robotsParser from "robots-parser";
import type { Benchmark } from "./bench-types";
import { interleave, median, msPerCall } from "./lib/measure";
import { row } from "./lib/report";

const ORIGIN = "https://board.test";
/** A real-looking file: TopCV-like rules, a few wildcards. */
const REALISTIC = [
  "User-agent: *",
  ...[
    "/ung-tuyen/",
    "/tai-khoan/",
    "/api/",
    "/*?*sort=",
    "/*.pdf$",
    "/cong-ty/*/review",
    "/tim-viec-lam-*?*salary=",
  ].map((p) => `Disallow: ${p}`),
  "Allow: /tim-viec-lam-",
  "Crawl-delay: 2",
].join("\n");
/** A hostile one: the whole 500 KiB on one pattern whose every "*" costs the other matcher a pass over the path. */
const HOSTILE = `User-agent: *\nDisallow: /${"*".repeat(100_000)}Z\n`;
const REAL_PATH = "/tim-viec-lam-ke-toan?type_keyword=1&page=3&sba=1";
const LONG_PATH = `/${"a".repeat(2000)}`;

/**
 * B10 robots.txt matching, per URL checked (it runs on the event loop before every request): jobsync's linear
 * matcher against the `robots-parser` package (Google's algorithm, O(pattern × path)), on a realistic file and on a
 * hostile one. Why robots.ts keeps its own matcher.
 */
export const b10Robots: Benchmark = {
  id: "B10",
  title: "robots.txt matching",
  async run(ctx) {
    const ours = { realistic: RobotsTxt.parse(REALISTIC), hostile: RobotsTxt.parse(HOSTILE) };
    const theirs = {
      realistic: robotsParser(`${ORIGIN}/robots.txt`, REALISTIC),
      hostile: robotsParser(`${ORIGIN}/robots.txt`, HOSTILE),
    };
    const samples = await interleave(ctx.rounds + 1, {
      oursRealistic: async () => msPerCall(() => ours.realistic.isAllowed(REAL_PATH, "jobsync-bot"), 2000, 300),
      theirsRealistic: async () =>
        msPerCall(() => theirs.realistic.isAllowed(`${ORIGIN}${REAL_PATH}`, "jobsync-bot"), 2000, 300),
      oursHostile: async () => msPerCall(() => ours.hostile.isAllowed(LONG_PATH, "jobsync-bot"), 20, 300),
      theirsHostile: async () =>
        msPerCall(() => theirs.hostile.isAllowed(`${ORIGIN}${LONG_PATH}`, "jobsync-bot"), 2, 300),
    });
    const ms = (key: keyof typeof samples) => median(samples[key].slice(1));
    ctx.log(`B10: hostile file ${HOSTILE.length} bytes, path ${LONG_PATH.length} characters`);
    return [
      row({
        id: "B10",
        what: "robots.txt check of one URL, realistic file",
        value: ms("oursRealistic") * 1000,
        unit: "µs",
        baseline: { name: "robots-parser 3.0.1", value: ms("theirsRealistic") * 1000 },
        goal: "≤ 1.00×",
        met: ms("oursRealistic") <= ms("theirsRealistic"),
      }),
      row({
        id: "B10",
        what: 'robots.txt check of a 2,000-character path, hostile 100,000-"*" pattern',
        value: ms("oursHostile"),
        unit: "ms",
        baseline: { name: "robots-parser 3.0.1", value: ms("theirsHostile") },
        goal: "< 1 ms",
        met: ms("oursHostile") < 1,
      }),
    ];
  },
};
