import type { CssConfig, SelectorPreview, SelectorPreviewRequest } from "@jobsync/contracts";
import {
  BlockedError,
  createFetcher,
  FetchError,
  HttpStatusError,
  ParseError,
  previewCssListingOffThread,
  startUrl,
} from "@jobsync/crawler";
import { validationFailed } from "../errors/app-error";
import { privateUrlReason } from "./base-url-policy";
import { type DataSourcePolicy, validateConfig } from "./data-source.service";

export interface SelectorPreviewOptions extends DataSourcePolicy {
  chromiumPath?: string;
}

const MAX_PREVIEW_CARDS = 50;
/** A preview answers while the admin waits: one retry, at most 20 s a request whatever the config says. */
const MAX_PREVIEW_TIMEOUT_SECS = 20;

/**
 * "Test selectors" of a css source: validate the config as a save would (400 naming `config.<field>`, or the host
 * and address of a URL resolving to a private one), fetch one page through the fetcher the config names (HTTP or
 * Chromium, under the same network policy as a sync: a redirect to a private address is refused) and read it with
 * the selectors in the parse pool. A page that cannot be fetched or read is an answer too (`outcome` and `error`),
 * so the admin sees why.
 */
export class SelectorPreviewService {
  constructor(private readonly options: SelectorPreviewOptions) {}

  async preview(body: SelectorPreviewRequest, signal?: AbortSignal): Promise<SelectorPreview> {
    const config = validateConfig("css", body.config) as CssConfig;
    const first = config.start_urls[0];
    const url = body.url ?? (first === undefined ? body.base_url : startUrl(body.base_url, first));
    for (const [path, value] of [
      ["base_url", body.base_url],
      [body.url ? "url" : "config.start_urls.0", url],
    ] as const) {
      const reason = await privateUrlReason(value, this.options.network);
      if (reason) throw validationFailed([{ path, message: `${path} ${reason}` }]);
    }
    const empty = {
      card_count: 0,
      cards: [],
      skipped: [],
      matches: {},
      unmatched: [],
      is_last_page: true,
      next_url: null,
    };
    const fetcher = createFetcher({
      kind: config.fetcher,
      timeoutMillis: Math.min(config.timeout, MAX_PREVIEW_TIMEOUT_SECS) * 1000,
      requestDelayMillis: 0,
      maxRetries: 1,
      headless: true,
      network: this.options.network,
      ...(this.options.chromiumPath ? { chromiumPath: this.options.chromiumPath } : {}),
    });
    try {
      const response = await fetcher.fetch({ url, purpose: "listing", ...(signal ? { signal } : {}) });
      try {
        const preview = await previewCssListingOffThread(response.body, response.finalUrl, config, MAX_PREVIEW_CARDS);
        return {
          ...preview,
          outcome: "ok",
          error: null,
          http_status: response.status,
          cards: preview.cards.map((c) => ({
            external_id: c.external_id,
            url: c.url,
            title: c.title,
            company: c.company,
            salary_text: c.salary_text,
            location_text: c.location_text,
          })),
        };
      } catch (error) {
        if (error instanceof BlockedError) {
          return { ...empty, url, outcome: "blocked", error: error.message, http_status: response.status };
        }
        if (error instanceof ParseError) {
          return { ...empty, url, outcome: "parse_failed", error: error.message, http_status: response.status };
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof BlockedError)
        return { ...empty, url, outcome: "blocked", error: error.message, http_status: null };
      if (error instanceof FetchError) {
        const status = error instanceof HttpStatusError ? error.status : null;
        return { ...empty, url, outcome: "fetch_failed", error: error.message, http_status: status };
      }
      throw error;
    } finally {
      await fetcher.close();
    }
  }
}
