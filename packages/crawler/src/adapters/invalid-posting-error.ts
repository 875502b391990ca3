/**
 * A job posting that cannot be stored (no title, a URL that is not http(s), a title longer than the column...).
 * Process Jobs counts it as invalid with its reason and goes on; it is not a parse failure of the page.
 */
export class InvalidPostingError extends Error {
  /** Short, stable, human reason, e.g. "missing title", "URL is not http(s)". */
  readonly reason: string;
  readonly url: string | null;
  readonly externalId: string | null;
  constructor(reason: string, posting: { url?: string | null; external_id?: string | null } = {}) {
    const where = posting.url ?? (posting.external_id ? `id ${posting.external_id}` : "unknown posting");
    super(`invalid job posting: ${reason} (${where})`);
    this.name = "InvalidPostingError";
    this.reason = reason;
    this.url = posting.url ?? null;
    this.externalId = posting.external_id ?? null;
  }
}
