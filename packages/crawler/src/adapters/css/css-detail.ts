import type { CssDetailSelectors } from "@jobsync/contracts";
import { detectChallenge } from "../../fetch/challenge";
import { BlockedError } from "../../fetch/errors";
import type { JobDetail } from "../adapter";
import { loadHtml } from "../html-document";
import { type CompiledSelector, compileSelector, htmlIn, readAllIn, readIn } from "./selector-reader";

export type CompiledDetail = { [K in keyof CssDetailSelectors]?: CompiledSelector };

export function compileDetail(selectors: CssDetailSelectors): CompiledDetail {
  const out: CompiledDetail = {};
  for (const [key, value] of Object.entries(selectors) as Array<[keyof CssDetailSelectors, string | undefined]>) {
    if (value !== undefined) out[key] = compileSelector(value);
  }
  return out;
}

/** A detail page read with the configured detail selectors; sections keep their inner HTML (sanitised later). */
export function parseCssDetail(html: string, url: string, compiled: CompiledDetail): JobDetail {
  const challenge = detectChallenge(html);
  if (challenge !== null) throw new BlockedError(url, challenge);
  const $ = loadHtml(html);
  const root = $.root();
  const text = (s: CompiledSelector | undefined) => (s ? readIn(root, s) : null);
  const section = (s: CompiledSelector | undefined) => (s ? htmlIn(root, s) : null);
  return {
    title: text(compiled.title),
    salary_text: text(compiled.salary),
    locations: compiled.location ? readAllIn(root, compiled.location, $) : [],
    experience: null,
    level: null,
    deadline_text: text(compiled.deadline),
    description_html: section(compiled.description),
    requirements_html: section(compiled.requirements),
    benefits_html: section(compiled.benefits),
    working_time_html: null,
    tags: [],
    company_name: text(compiled.company),
    company_url: null,
    company_size: null,
    company_address: null,
  };
}
