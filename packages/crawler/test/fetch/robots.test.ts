import { describe, expect, it } from "vitest";
import { normalizeRobotsPath, productToken, RobotsTxt } from "../../src/fetch/robots";

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
});
