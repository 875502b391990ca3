import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeRobotsPath, productToken, RobotsTxt, ruleMatches } from "../../src/fetch/robots";

/** The textbook meaning of a robots.txt pattern, as a (backtracking) regular expression: the oracle. */
function oracle(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`).test(path);
}

function rule(pattern: string) {
  const anchored = pattern.endsWith("$");
  return { segments: (anchored ? pattern.slice(0, -1) : pattern).split("*"), anchored };
}

describe("RobotsTxt (RFC 9309)", () => {
  it("obeys the longest matching rule, allow winning a tie", () => {
    const robots = RobotsTxt.parse(`
User-agent: *
Disallow: /tim-viec-lam-
Allow: /tim-viec-lam-python
Disallow: /tie
Allow: /tie
`);
    expect(robots.isAllowed("/tim-viec-lam-java", "jobsync-bot")).toBe(false);
    expect(robots.isAllowed("/tim-viec-lam-python-developer?page=2", "jobsync-bot")).toBe(true);
    expect(robots.isAllowed("/tie", "jobsync-bot")).toBe(true);
    expect(robots.isAllowed("/viec-lam/x/1.html", "jobsync-bot")).toBe(true);
  });

  it("supports * and the $ end anchor, and matches the query string", () => {
    const robots = RobotsTxt.parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?*sort=\nDisallow: /private*/data\n");
    expect(robots.isAllowed("/files/cv.pdf", "x")).toBe(false);
    expect(robots.isAllowed("/files/cv.pdf?download=1", "x")).toBe(true);
    expect(robots.isAllowed("/tim-viec-lam-x?page=2&sort=new", "x")).toBe(false);
    expect(robots.isAllowed("/tim-viec-lam-x?page=2", "x")).toBe(true);
    expect(robots.isAllowed("/private-zone/data/1", "x")).toBe(false);
  });

  it("uses our own group (case-insensitive, merged if repeated) over *, and * when we have none", () => {
    const text = `
User-agent: *
Disallow: /

User-agent: JobSync-Bot
User-agent: other-bot
Disallow: /ung-tuyen/

user-agent: jobsync-bot
disallow: /secret
`;
    const robots = RobotsTxt.parse(text);
    expect(robots.isAllowed("/tim-viec-lam-x", "jobsync-bot")).toBe(true);
    expect(robots.isAllowed("/ung-tuyen/1", "jobsync-bot")).toBe(false);
    expect(robots.isAllowed("/secret/1", "jobsync-bot")).toBe(false);
    expect(robots.isAllowed("/tim-viec-lam-x", "someone-else")).toBe(false);
  });

  it("ignores comments, empty rules, unknown records and rules outside a group; always allows /robots.txt", () => {
    const robots = RobotsTxt.parse(
      "Disallow: /early\n# c\nUser-agent: * # all\nDisallow:\nCrawl-delay: 5\nSitemap: /s.xml\nDisallow: /x # no\n",
    );
    expect(robots.isAllowed("/early", "a")).toBe(true);
    expect(robots.isAllowed("/x/1", "a")).toBe(false);
    expect(RobotsTxt.disallowAll().isAllowed("/robots.txt", "a")).toBe(true);
    expect(RobotsTxt.disallowAll().isAllowed("/", "a")).toBe(false);
    expect(RobotsTxt.allowAll().isAllowed("/anything", "a")).toBe(true);
    expect(RobotsTxt.parse("").isAllowed("/", "a")).toBe(true);
  });

  it("compares paths after percent-encoding normalisation", () => {
    expect(normalizeRobotsPath("/%7ejoe/%2fa")).toBe("/~joe/%2Fa");
    expect(normalizeRobotsPath("/việc")).toBe("/vi%E1%BB%87c");
    const robots = RobotsTxt.parse("User-agent: *\nDisallow: /việc-làm/\nDisallow: /~joe\n");
    expect(robots.isAllowed("/vi%E1%BB%87c-l%C3%A0m/1", "a")).toBe(false);
    expect(robots.isAllowed("/%7Ejoe/page", "a")).toBe(false);
  });

  it("reads the product token of a user agent", () => {
    expect(productToken("jobsync-bot/0.1 (job listings aggregator; obeys robots.txt)")).toBe("jobsync-bot");
    expect(productToken("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe("googlebot");
  });

  it("matches like the textbook regular expression, on every pattern and path (property)", () => {
    const piece = fc.constantFrom("/", "a", "b", "ab", "*", "**", ".", "?", "=");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.constantFrom("/", "a", "b", ".", "?", "="), { maxLength: 12 }),
        (parts, anchor, pathParts) => {
          const pattern = `${parts.join("")}${anchor ? "$" : ""}`;
          const path = pathParts.join("");
          expect(ruleMatches(rule(pattern), path), `${pattern} ~ ${path}`).toBe(oracle(pattern, path));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("answers pathological patterns at once (the regex they replace froze the event loop for 60 s)", () => {
    const path = `/${"a".repeat(62)}`;
    expect(RobotsTxt.parse("User-agent: *\nDisallow: /********Z\n").isAllowed(path, "a")).toBe(true);
    // a whole 500 KiB file of two patterns, against a 2,000-character path: linear, so this test takes no time
    const huge = RobotsTxt.parse(
      `User-agent: *\nDisallow: /${"*a".repeat(120_000)}Z\nDisallow: /${"*".repeat(250_000)}Z$\n`,
    );
    for (let i = 0; i < 100; i++) expect(huge.isAllowed(`/${"a".repeat(2000)}`, "a")).toBe(true);
    expect(huge.isAllowed(`/${"a".repeat(2000)}Z`, "a")).toBe(false);
    // past 500 KiB nothing counts, and a rule cut at the limit is dropped, not read as its first half ("/***")
    const cut = RobotsTxt.parse(`User-agent: *\nDisallow: /${"*".repeat(600_000)}Z\n`);
    expect(cut.isAllowed("/anything", "a")).toBe(true);
  });

  it("reads Crawl-delay per group: ours, else *'s; bad values ignored", () => {
    const robots = RobotsTxt.parse(
      "User-agent: *\nCrawl-delay: 10\nDisallow: /x\n\nUser-agent: jobsync-bot\nCrawl-delay: abc\nCrawl-delay: 2.5\nAllow: /\n",
    );
    expect(robots.crawlDelayFor("jobsync-bot")).toBe(2.5);
    expect(robots.crawlDelayFor("other")).toBe(10);
    expect(RobotsTxt.parse("User-agent: *\nCrawl-delay: -1\n").crawlDelayFor("a")).toBeNull();
    expect(RobotsTxt.parse("Crawl-delay: 5\nUser-agent: *\nDisallow: /\n").crawlDelayFor("a")).toBeNull();
  });
});
