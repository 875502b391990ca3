import { parse } from "css-what";
import { z } from "zod";

/**
 * A selector of the no-code CSS source: a CSS selector, optionally followed by `@attribute` to read an attribute
 * instead of the text (`h3 a@href`, `@data-job-id` for the card element itself).
 */
export interface SelectorSpec {
  /** "" means the element the selector is applied to (the card). */
  css: string;
  attribute: string | null;
}

const ATTRIBUTE = /^[A-Za-z_:][A-Za-z0-9_:.-]{0,99}$/;
/** Pseudo-classes cheerio (css-select) understands; anything else (pseudo-elements, :hover...) never matches. */
const SUPPORTED_PSEUDOS = new Set([
  "not",
  "is",
  "where",
  "matches",
  "has",
  "contains",
  "icontains",
  "first-child",
  "last-child",
  "only-child",
  "first-of-type",
  "last-of-type",
  "only-of-type",
  "nth-child",
  "nth-last-child",
  "nth-of-type",
  "nth-last-of-type",
  "empty",
  "root",
  "checked",
  "disabled",
  "enabled",
  "selected",
  "link",
  "any-link",
  "header",
  "button",
  "input",
  "text",
  "parent",
]);

/** Split "css@attr"; throws Error with the reason when the selector does not parse. */
export function parseSelectorSpec(spec: string): SelectorSpec {
  const trimmed = spec.trim();
  const at = trimmed.lastIndexOf("@");
  // "@" inside brackets or quotes belongs to the CSS ([href*="@"]); an attribute suffix comes after the last "]"
  const attrPart =
    at >= 0 && at > trimmed.lastIndexOf("]") && at > trimmed.lastIndexOf(")") ? trimmed.slice(at + 1) : null;
  const css = (attrPart === null ? trimmed : trimmed.slice(0, at)).trim();
  if (attrPart !== null && !ATTRIBUTE.test(attrPart)) throw new Error(`"@${attrPart}" is not an attribute name`);
  if (css === "" && attrPart === null) throw new Error("is empty");
  if (css !== "") {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(css);
    } catch (error) {
      throw new Error(`is not a valid CSS selector: ${(error as Error).message}`);
    }
    for (const token of parsed.flat()) {
      if (token.type === "pseudo-element")
        throw new Error(`uses the pseudo-element ::${token.name}, which matches no element`);
      if (token.type === "pseudo" && !SUPPORTED_PSEUDOS.has(token.name)) {
        throw new Error(`uses :${token.name}, which is not supported`);
      }
    }
  }
  return { css, attribute: attrPart };
}

/** A zod field for one selector, with its error naming the field and the reason. */
export function cssSelector(field: string) {
  return z
    .string({ error: `${field} must be a CSS selector, optionally ending in @attribute` })
    .max(500, { error: `${field} must be at most 500 characters` })
    .superRefine((value, ctx) => {
      try {
        parseSelectorSpec(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${field} ${(error as Error).message}` });
      }
    });
}
