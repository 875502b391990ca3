/**
 * The most a stored job posting may hold, per field, in characters (JavaScript string length). A crawled page
 * cannot bloat the database or a search answer past these: identity fields (external id, URL) over their limit
 * make the posting invalid (cutting them would change what it is); a text over its limit is cut — with "…" —
 * and the cut is recorded on the draft (`truncated`) and shown in Process Jobs' step details; a link over its
 * limit is dropped; a list longer than allowed keeps its first entries.
 */
export const POSTING_LIMITS = {
  /** Identity: over the limit → invalid. */
  externalId: 100,
  url: 2048,
  /** Text: cut to the limit. */
  title: 500,
  company: 300,
  salaryRaw: 200,
  location: 300,
  experience: 200,
  level: 200,
  tag: 100,
  companySize: 100,
  companyAddress: 500,
  /** Each sanitised HTML section (description, requirements, benefits, working time): 200 KB of text. */
  sectionHtml: 200_000,
  /** Links: over the limit → dropped (a cut URL points nowhere). */
  link: 2048,
  /** Lists: entries past these are left out. */
  locations: 50,
  tags: 50,
} as const;
