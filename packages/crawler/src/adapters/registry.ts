import { SOURCE_KINDS, type SourceKind } from "@jobsync/contracts";
import type { SiteAdapter } from "./adapter";
import { topcvAdapter } from "./topcv/topcv-adapter";

/** One adapter per data source kind. Adding a board adds one entry here and one in contracts' source-config. */
const ADAPTERS: Readonly<Record<SourceKind, SiteAdapter>> = {
  topcv: topcvAdapter,
};

/** The site adapter for a kind; a clear Error for a kind no adapter knows (e.g. a stale row in the database). */
export function adapterFor(kind: SourceKind): SiteAdapter {
  const adapter = Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind] : undefined;
  if (adapter === undefined) {
    throw new Error(`no site adapter for kind "${String(kind)}": known kinds are ${SOURCE_KINDS.join(", ")}`);
  }
  return adapter;
}
