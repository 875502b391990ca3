import { parseSelectorSpec, type SelectorSpec } from "@jobsync/contracts";
import type { CheerioAPI } from "cheerio/slim";
import { collapseSpaces } from "../../normalize/text";
import type { Selection } from "../html-document";

/** A compiled selector of the no-code CSS source: where to look, and what to read there. */
export interface CompiledSelector {
  /** The configured text, for messages ("selectors.salary matched nothing"). */
  source: string;
  spec: SelectorSpec;
}

export function compileSelector(source: string): CompiledSelector {
  return { source, spec: parseSelectorSpec(source) };
}

/** The elements the selector points at inside `scope` (the scope itself for "@attr"). */
export function selectIn(scope: Selection, selector: CompiledSelector): Selection {
  return selector.spec.css === "" ? scope : scope.find(selector.spec.css);
}

/**
 * The value of a selector inside `scope`: the first matching element's attribute (`@attr`, or `defaultAttribute`)
 * or its text, whitespace collapsed; null when nothing matches or the value is blank.
 */
export function readIn(
  scope: Selection,
  selector: CompiledSelector,
  defaultAttribute: string | null = null,
): string | null {
  const found = selectIn(scope, selector).first();
  if (found.length === 0) return null;
  const attribute = selector.spec.attribute ?? defaultAttribute;
  const raw = attribute !== null ? found.attr(attribute) : found.text();
  if (raw === undefined) return null;
  const value = collapseSpaces(raw);
  return value === "" ? null : value;
}

/** Every value of a selector inside `scope`, blank ones dropped. */
export function readAllIn(scope: Selection, selector: CompiledSelector, $: CheerioAPI): string[] {
  return selectIn(scope, selector)
    .toArray()
    .map((el) => {
      const node = $(el);
      const raw = selector.spec.attribute !== null ? node.attr(selector.spec.attribute) : node.text();
      return raw === undefined ? "" : collapseSpaces(raw);
    })
    .filter((v) => v !== "");
}

/** The inner HTML of the first match (a detail section), or null. */
export function htmlIn(scope: Selection, selector: CompiledSelector): string | null {
  const found = selectIn(scope, selector).first();
  if (found.length === 0) return null;
  const html = (found.html() ?? "").trim();
  return html === "" ? null : html;
}
