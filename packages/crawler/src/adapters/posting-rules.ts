import type { PostingDraft } from "./adapter";
import { InvalidPostingError } from "./invalid-posting-error";

/** Limits a draft must meet to be stored; the database columns and the API assume them. */
export const POSTING_LIMITS = {
  externalId: 100,
  url: 2048,
  title: 500,
  company: 500,
} as const;

/** Throws `InvalidPostingError` with the first reason the draft cannot be stored. */
export function assertStorable(draft: PostingDraft): void {
  const fail = (reason: string) => {
    throw new InvalidPostingError(reason, draft);
  };
  if (draft.external_id.trim() === "") fail("missing external id");
  if (draft.external_id.length > POSTING_LIMITS.externalId) {
    fail(`external id longer than ${POSTING_LIMITS.externalId} characters`);
  }
  if (!isHttpUrl(draft.url)) fail("URL is not http(s)");
  if (draft.url.length > POSTING_LIMITS.url) fail(`URL longer than ${POSTING_LIMITS.url} characters`);
  if (draft.title.trim() === "") fail("missing title");
  if (draft.title.length > POSTING_LIMITS.title) fail(`title longer than ${POSTING_LIMITS.title} characters`);
  if (draft.company !== null && draft.company.length > POSTING_LIMITS.company) {
    fail(`company name longer than ${POSTING_LIMITS.company} characters`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
