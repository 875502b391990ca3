import type { CssConfig, SourceKind } from "@jobsync/contracts";
import type { JobDetail, ListingPage } from "../adapters/adapter";
import { ParseError, type SiteAdapter } from "../adapters/adapter";
import { type CssPreview, previewCssListing } from "../adapters/css/css-preview";
import { PageTooComplexError } from "../adapters/page-too-complex-error";
import { adapterForSource } from "../adapters/registry";
import { BlockedError } from "../fetch/errors";

/** One page to parse, as sent to a parse worker. `config` is the source's validated config. */
export type ParseTask =
  | { op: "listing" | "detail"; kind: SourceKind; config: unknown; body: string; url: string }
  | { op: "css-preview"; config: CssConfig; body: string; url: string; maxCards: number };

/** What parsing failed with, in a form that crosses threads (classes do not). */
export interface SerializedError {
  name: string;
  message: string;
  url: string | null;
  /** BlockedError's reason, PageTooComplexError's reason. */
  reason: string | null;
}

export type ParseOutcome<T = ListingPage | JobDetail | CssPreview> =
  | { ok: true; value: T }
  | { ok: false; error: SerializedError };

/** Configured adapters of the sources seen lately (a worker parses pages of a few sources). */
const adapters = new Map<string, SiteAdapter>();
const MAX_CACHED_ADAPTERS = 32;

function adapterFor(kind: SourceKind, config: unknown): SiteAdapter {
  const key = `${kind}:${JSON.stringify(config)}`;
  let adapter = adapters.get(key);
  if (!adapter) {
    if (adapters.size >= MAX_CACHED_ADAPTERS) adapters.delete(adapters.keys().next().value as string);
    adapter = adapterForSource(kind, config);
    adapters.set(key, adapter);
  }
  return adapter;
}

/** Run one task (in a parse worker; tests may call it directly). Never throws: failures are outcomes. */
export function runParseTask(task: ParseTask): ParseOutcome {
  try {
    if (task.op === "css-preview") {
      return { ok: true, value: previewCssListing(task.body, task.url, task.config, task.maxCards) };
    }
    const adapter = adapterFor(task.kind, task.config);
    if (task.op === "listing") return { ok: true, value: adapter.parseListing(task.body, task.url) };
    if (!adapter.parseDetail) throw new Error(`the ${task.kind} adapter has no detail parser`);
    return { ok: true, value: adapter.parseDetail(task.body, task.url) };
  } catch (error) {
    // the depth limit is found deep inside the parser, which does not know the page's URL
    const known =
      error instanceof PageTooComplexError && error.url === ""
        ? new PageTooComplexError(error.reason, task.url)
        : error;
    return { ok: false, error: serializeError(known) };
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof PageTooComplexError) {
    return { name: error.name, message: error.message, url: error.url, reason: error.reason };
  }
  if (error instanceof BlockedError)
    return { name: error.name, message: error.message, url: error.url, reason: error.reason };
  if (error instanceof ParseError) return { name: error.name, message: error.message, url: error.url, reason: null };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, url: null, reason: null };
}

/** The error a parser threw, rebuilt on this side: ParseError (and PageTooComplexError), BlockedError, or Error. */
export function restoreError(error: SerializedError): Error {
  if (error.name === "PageTooComplexError") return new PageTooComplexError(error.reason ?? "", error.url ?? "");
  if (error.name === "BlockedError") return new BlockedError(error.url ?? "", error.reason ?? "");
  if (error.name === "ParseError") {
    const restored = new ParseError("", error.url ?? "");
    restored.message = error.message;
    return restored;
  }
  const restored = new Error(error.message);
  restored.name = error.name;
  return restored;
}
