import { FetchError } from "./errors";

/** A URL the fetchers accept: absolute http(s), or a non-retryable FetchError saying what is wrong with it. */
export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a valid URL: "${raw}"`, raw, false);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(`only http and https URLs can be fetched, got "${raw}"`, raw, false);
  }
  return url;
}
