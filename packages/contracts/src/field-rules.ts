import { z } from "zod";

/** Field builders whose error messages name the field and its allowed values, so every 400 says what to fix. */

export function intInRange(field: string, min: number, max: number) {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export function numberInRange(field: string, min: number, max: number, unit = "") {
  const message = `${field} must be a number from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export function boolean(field: string) {
  return z.boolean({ error: `${field} must be true or false` });
}

export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of: ${values.join(", ")}` });
}

export function httpUrl(field: string) {
  const message = `${field} must be an http:// or https:// URL`;
  return z
    .string({ error: message })
    .max(2048, { error: `${field} must be at most 2048 characters` })
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
      } catch {
        return false;
      }
    }, message);
}

/** A search keyword slug as TopCV builds them: lower case ASCII letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slug(field: string) {
  const message = `${field} must be a slug of lower-case letters, digits and hyphens (e.g. python-developer), 1-80 characters`;
  return z
    .string({ error: message })
    .min(1, { error: message })
    .max(80, { error: message })
    .regex(SLUG_PATTERN, { error: message });
}
