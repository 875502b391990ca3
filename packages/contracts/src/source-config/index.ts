import { z } from "zod";
import { greenhouseConfigSchema, leverConfigSchema } from "./ats";
import { cssConfigSchema } from "./css";
import { itviecConfigSchema } from "./itviec";
import { topcvConfigSchema } from "./topcv";

export * from "./archive-options";
export * from "./ats";
export * from "./crawl-options";
export * from "./css";
export * from "./itviec";
export * from "./sync-options";
export * from "./topcv";

/** Adapter kinds and their config schemas. Adding a board adds one entry here. */
export const sourceConfigSchemas = {
  topcv: topcvConfigSchema,
  itviec: itviecConfigSchema,
  css: cssConfigSchema,
  greenhouse: greenhouseConfigSchema,
  lever: leverConfigSchema,
} as const;

export type SourceKind = keyof typeof sourceConfigSchemas;
export const SOURCE_KINDS = Object.keys(sourceConfigSchemas) as [SourceKind, ...SourceKind[]];
export const sourceKindSchema = z.enum(SOURCE_KINDS, { error: `kind must be one of: ${SOURCE_KINDS.join(", ")}` });

export type SourceConfig = z.output<(typeof sourceConfigSchemas)[SourceKind]>;
/** The validated config of one kind. */
export type SourceConfigOf<K extends SourceKind> = z.output<(typeof sourceConfigSchemas)[K]>;

/** Validate a config object for a kind, filling defaults. */
export function parseSourceConfig(kind: SourceKind, config: unknown) {
  return sourceConfigSchemas[kind].safeParse(config ?? {});
}
