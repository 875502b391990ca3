import { createHash } from "node:crypto";
import { foldWords } from "./text";

/**
 * Keys for Check Duplicates. `contentKey` finds the same job posting on two sources or under two ids (title +
 * company + province, folded and punctuation-insensitive); `contentHash` tells whether a stored posting changed.
 */

export function contentKey(title: string, company: string | null, province: string | null): string {
  return [title, company ?? "", province ?? ""].map(foldWords).join("|");
}

export type HashableValue = string | number | boolean | null | undefined | HashableValue[] | HashableFields;
export interface HashableFields {
  [key: string]: HashableValue;
}

/** sha256 hex over the fields, keys in a stable order at every depth; undefined and null hash alike. */
export function contentHash(fields: HashableFields): string {
  return createHash("sha256").update(stableJson(fields)).digest("hex");
}

function stableJson(value: HashableValue): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return "null";
  return JSON.stringify(value);
}
