import { SOURCE_KINDS, type SourceConfigOf, type SourceKind } from "@jobsync/contracts";
import type { SiteAdapter } from "./adapter";
import { greenhouseAdapter } from "./ats/greenhouse-adapter";
import { leverAdapter } from "./ats/lever-adapter";
import { cssAdapter } from "./css/css-adapter";
import { itviecAdapter } from "./itviec/itviec-adapter";
import { topcvAdapter } from "./topcv/topcv-adapter";

/** Each kind's adapter reads that kind's config: a board whose adapter takes another config does not compile. */
export type AdapterRegistry = { readonly [K in SourceKind]: SiteAdapter<SourceConfigOf<K>> };

/** One adapter per data source kind. Adding a board adds one entry here and one in contracts' source-config. */
const ADAPTERS: AdapterRegistry = {
  topcv: topcvAdapter,
  itviec: itviecAdapter,
  css: cssAdapter,
  greenhouse: greenhouseAdapter,
  lever: leverAdapter,
};

/** The site adapter for a kind; a clear Error for a kind no adapter knows (e.g. a stale row in the database). */
export function adapterFor(kind: SourceKind): SiteAdapter {
  const adapter = Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind] : undefined;
  if (adapter === undefined) {
    throw new Error(`no site adapter for kind "${String(kind)}": known kinds are ${SOURCE_KINDS.join(", ")}`);
  }
  return adapter;
}

/** The adapter of one data source: configured by its (validated) config when the kind's parsing depends on it. */
export function adapterForSource(kind: SourceKind, config: unknown): SiteAdapter {
  const adapter = adapterFor(kind);
  return adapter.configure ? adapter.configure(config) : adapter;
}
