import type { Element } from "domhandler";
import { collapseSpaces, foldWords } from "../../normalize/text";
import {
  attrOf,
  descendants,
  type ElementIndex,
  hasClass,
  type Selection,
  textContent,
  textOrNull,
} from "../html-document";

/**
 * The label/value facts of a job detail page ("Mức lương: 30 - 40 triệu", "Cấp bậc: Nhân viên", "Quy mô: 10-24
 * nhân viên"), keyed by the folded label, from each template's label/value blocks.
 */
interface FactBlock {
  /** The label's selector, and the class its last part names (what narrows the candidates). */
  label: string;
  labelClass: string;
  /** The class of the value, looked for under the label's parent. */
  valueClass: string;
}
const JOB_FACT_BLOCKS: ReadonlyArray<FactBlock> = [
  {
    label: ".job-detail__info--section-content-title",
    labelClass: "job-detail__info--section-content-title",
    valueClass: "job-detail__info--section-content-value",
  },
  {
    label: ".box-general-group-info-title",
    labelClass: "box-general-group-info-title",
    valueClass: "box-general-group-info-value",
  },
  {
    label: ".general-information-data__label",
    labelClass: "general-information-data__label",
    valueClass: "general-information-data__value",
  },
  {
    label: ".basic-information-item__title",
    labelClass: "basic-information-item__title",
    valueClass: "basic-information-item__value",
  },
];
const COMPANY_FACT_BLOCKS: ReadonlyArray<FactBlock> = [
  {
    label: ".job-detail__company--information-item .company-title",
    labelClass: "company-title",
    valueClass: "company-value",
  },
];

export interface DetailFacts {
  job: Map<string, Selection>;
  company: Map<string, Selection>;
}

export function readFacts(index: ElementIndex): DetailFacts {
  return { job: readBlocks(index, JOB_FACT_BLOCKS), company: readBlocks(index, COMPANY_FACT_BLOCKS) };
}

function readBlocks(index: ElementIndex, blocks: ReadonlyArray<FactBlock>): Map<string, Selection> {
  const facts = new Map<string, Selection>();
  for (const block of blocks) {
    const labels = index.select(
      block.label,
      index.where((element) => hasClass(element, block.labelClass)),
    );
    for (const label of labels.toArray()) {
      const key = foldWords(textContent(label));
      const parent = label.parent; // cheerio's .parent(): none when it is the document
      if (key === "" || facts.has(key) || !parent || parent.type === "root") continue;
      const [value] = descendants(parent as Element, (element) => hasClass(element, block.valueClass));
      if (value) facts.set(key, index.$(value));
    }
  }
  return facts;
}

/**
 * "Label: value" written as one text ("Quy mô: 25-99 nhân viên"), searched inside the `scope` blocks: brand pages
 * write company facts that way. The value, or null.
 */
export function labelledText(scope: Selection, ...labels: string[]): string | null {
  const candidates = scope.find("div, li, p, span");
  for (let i = 0; i < candidates.length; i++) {
    const text = collapseSpaces(candidates.eq(i).text());
    if (text.length > 500) continue;
    const colon = text.indexOf(":");
    if (colon <= 0) continue;
    const label = foldWords(text.slice(0, colon));
    if (labels.includes(label)) {
      const value = text.slice(colon + 1).trim();
      if (value !== "") return value;
    }
  }
  return null;
}

/** The value of the first fact whose label starts with one of the (folded) prefixes. */
export function factValue(facts: Map<string, Selection>, ...prefixes: string[]): Selection | null {
  for (const prefix of prefixes) {
    for (const [key, value] of facts) {
      if (key === prefix || key.startsWith(`${prefix} `)) return value;
    }
  }
  return null;
}

/** A fact's text; the tooltip's full text when the board shortened the visible one. */
export function factText(facts: Map<string, Selection>, ...prefixes: string[]): string | null {
  const value = factValue(facts, ...prefixes);
  if (value === null) return null;
  return attrOf(value, "data-original-title") ?? textOrNull(value);
}
