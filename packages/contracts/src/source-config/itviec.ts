import { z } from "zod";
import { slug } from "../field-rules";
import { crawlOptionsShape } from "./crawl-options";
import { syncOptionsShape } from "./sync-options";

/**
 * ITviec (itviec.com): keyword searches (`/it-jobs/<keyword>?page=N`) and company pages (`/companies/<slug>`, one
 * page listing all of a company's jobs). At least one keyword or company. Browser by default: ITviec sits behind
 * Cloudflare.
 */
export const itviecConfigSchema = z
  .strictObject({
    search_keywords: z
      .array(slug("search_keywords[]"), { error: "search_keywords must be a list of keyword slugs" })
      .max(50, { error: "search_keywords must hold at most 50 keywords" })
      .default(["python", "java"]),
    companies: z
      .array(slug("companies[]"), { error: "companies must be a list of company slugs (e.g. mb-bank)" })
      .max(50, { error: "companies must hold at most 50 companies" })
      .default([]),
    ...crawlOptionsShape({ fetcher: "browser", requestDelay: 3, fetchDetails: true, maxPages: 5 }),
    ...syncOptionsShape,
  })
  .refine((c) => c.search_keywords.length + c.companies.length > 0, {
    error: "give at least one of search_keywords or companies",
    path: ["search_keywords"],
  });

export type ItviecConfig = z.output<typeof itviecConfigSchema>;
