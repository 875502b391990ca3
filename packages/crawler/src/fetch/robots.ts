/**
 * robots.txt per RFC 9309: groups of user-agent lines and their allow/disallow rules; a crawler obeys the group(s)
 * naming its product token (case-insensitive), else the "*" group(s), else nothing. The most specific (longest)
 * matching rule wins, allow wins a tie; "*" matches any run of characters and a final "$" anchors the end.
 * Paths are compared after percent-encoding normalisation (RFC 9309 §2.2.2).
 */
interface Rule {
  allow: boolean;
  /** Normalised pattern; its length is the rule's specificity. */
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

/** RFC 9309 §2.5: parse at least the first 500 KiB. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encode what must be (non-ASCII, spaces), upper-case existing escapes and decode escaped unreserved
 * characters, so "/%7ejoe" and "/~joe" compare equal and "/ä" equals "/%C3%A4".
 */
export function normalizeRobotsPath(path: string): string {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const ch = path[i] as string;
    if (ch === "%" && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      const decoded = String.fromCharCode(Number.parseInt(path.slice(i + 1, i + 3), 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${path.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else if (ch.charCodeAt(0) > 0x7e || ch.charCodeAt(0) <= 0x20) {
      out += encodeURIComponent(ch);
    } else {
      out += ch;
    }
  }
  return out;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}${anchored ? "$" : ""}`);
}

export class RobotsTxt {
  private constructor(private readonly groups: Group[]) {}

  /** Everything allowed (robots.txt missing: 4xx). */
  static allowAll(): RobotsTxt {
    return new RobotsTxt([]);
  }

  /** Everything disallowed (robots.txt unreachable: 5xx or network failure). */
  static disallowAll(): RobotsTxt {
    return new RobotsTxt([{ agents: ["*"], rules: [{ allow: false, pattern: "/", regex: /^\// }] }]);
  }

  static parse(text: string): RobotsTxt {
    const groups: Group[] = [];
    let current: Group | null = null;
    let collectingAgents = false;
    for (const rawLine of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
      const line = rawLine.replace(/#.*$/, "").trim();
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === "user-agent") {
        if (!collectingAgents || !current) {
          current = { agents: [], rules: [] };
          groups.push(current);
          collectingAgents = true;
        }
        current.agents.push(value.toLowerCase());
      } else if (key === "allow" || key === "disallow") {
        collectingAgents = false;
        if (!current || value === "") continue; // rules before any user-agent, or an empty rule: no effect
        const pattern = normalizeRobotsPath(value.startsWith("/") || value.startsWith("*") ? value : `/${value}`);
        current.rules.push({ allow: key === "allow", pattern, regex: compile(pattern) });
      }
      // sitemap, crawl-delay and other records neither end nor start a group's user-agent list
    }
    return new RobotsTxt(groups);
  }

  /** The rules for a product token ("jobsync-bot"): its own groups merged, else the "*" groups merged. */
  private rulesFor(token: string): Rule[] {
    const name = token.toLowerCase();
    const own = this.groups.filter((g) => g.agents.includes(name));
    const chosen = own.length > 0 ? own : this.groups.filter((g) => g.agents.includes("*"));
    return chosen.flatMap((g) => g.rules);
  }

  /** Whether `token` may fetch `pathAndQuery` ("/tim-viec-lam-x?page=2"). /robots.txt itself is always allowed. */
  isAllowed(pathAndQuery: string, token: string): boolean {
    const path = normalizeRobotsPath(pathAndQuery || "/");
    if (path === "/robots.txt") return true;
    let best: Rule | null = null;
    for (const rule of this.rulesFor(token)) {
      if (!rule.regex.test(path)) continue;
      const longer = !best || rule.pattern.length > best.pattern.length;
      const tieWonByAllow = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
      if (longer || tieWonByAllow) best = rule;
    }
    return best ? best.allow : true;
  }
}

/** The product token of a user agent string: "jobsync-bot/0.1 (...)" → "jobsync-bot". */
export function productToken(userAgent: string): string {
  const compatible = /compatible;\s*([A-Za-z0-9_-]+)/.exec(userAgent);
  const token = compatible?.[1] ?? /^[A-Za-z0-9_-]+/.exec(userAgent.trim())?.[0];
  return (token ?? "*").toLowerCase();
}
