import { BrowserFetcher } from "./browser-fetcher";
import type { Fetcher, FetcherOptions } from "./fetcher";
import { HttpFetcher } from "./http-fetcher";

/** The fetcher a data source's config asks for (`fetcher: "http" | "browser"`). Always `close()` it. */
export function createFetcher(options: FetcherOptions): Fetcher {
  switch (options.kind) {
    case "http":
      return new HttpFetcher(options);
    case "browser":
      return new BrowserFetcher(options);
    default: {
      const kind: never = options.kind;
      throw new RangeError(`unknown fetcher kind "${String(kind)}": use "http" or "browser"`);
    }
  }
}
