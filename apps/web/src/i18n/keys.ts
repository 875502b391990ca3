import type { ParseKeys } from "i18next";

/** Any key of the English strings (the Vietnamese ones must have the same keys). */
export type TranslationKey = ParseKeys;
