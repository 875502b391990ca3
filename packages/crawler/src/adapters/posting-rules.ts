import { POSTING_LIMITS } from "@jobsync/contracts";
import type { PostingDraft } from "./adapter";
import { InvalidPostingError } from "./invalid-posting-error";

/**
 * Throws `InvalidPostingError` with the first reason the draft cannot be stored: what identifies it (its id and
 * URL) is missing or over its limit, or it has no title. Texts over their limit are cut by the draft builder.
 */
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
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
