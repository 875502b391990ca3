import { z } from "zod";
import { apiOptionsShape } from "./crawl-options";
import { syncOptionsShape } from "./sync-options";

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function token(field: string, example: string) {
  const message = `${field} must be 1-100 letters, digits, '-', '_' or '.' (e.g. ${example})`;
  return z.string({ error: message }).regex(TOKEN, { error: message });
}

const companyName = z
  .string({ error: "company_name must be text" })
  .trim()
  .min(1, { error: "company_name must be 1-200 characters" })
  .max(200, { error: "company_name must be 1-200 characters" });

/** Greenhouse job board API: `GET {base_url}/v1/boards/{board_token}/jobs?content=true` (base https://boards-api.greenhouse.io). */
export const greenhouseConfigSchema = z.strictObject({
  board_token: token("board_token", "acme"),
  /** Shown as the postings' company when the API does not say it. */
  company_name: companyName.optional(),
  ...apiOptionsShape(),
  ...syncOptionsShape,
});
export type GreenhouseConfig = z.output<typeof greenhouseConfigSchema>;

/** Lever postings API: `GET {base_url}/v0/postings/{company}?mode=json` (base https://api.lever.co). */
export const leverConfigSchema = z.strictObject({
  company: token("company", "acme"),
  company_name: companyName.optional(),
  ...apiOptionsShape(),
  ...syncOptionsShape,
});
export type LeverConfig = z.output<typeof leverConfigSchema>;
