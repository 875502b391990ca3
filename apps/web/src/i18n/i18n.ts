import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { vi } from "./locales/vi";

/** The UI languages, in the order the switch offers them. */
export const LANGUAGES = ["en", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, as the switch shows it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", vi: "Tiếng Việt" };

/** Dates and numbers when the browser's own locale is of another language than the UI's. */
const DEFAULT_LOCALES: Record<Language, string> = { en: "en-GB", vi: "vi-VN" };

export const LANGUAGE_STORAGE_KEY = "jobsync.language";

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The language chosen with the switch, else the first of the browser's languages we have, else English. */
export function detectLanguage(storage: Storage | null = safeLocalStorage()): Language {
  const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages()) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The locale dates and numbers are written in: the browser's own when it is of the UI's language (en-US keeps its
 * month-first dates), else the language's usual one.
 */
export function localeFor(language: Language): string {
  const own = browserLanguages().find((tag) => tag.toLowerCase().split("-")[0] === language);
  return own?.includes("-") ? own : DEFAULT_LOCALES[language];
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, vi: { translation: vi } },
  lng: detectLanguage(),
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

function applyDocumentLanguage(language: string) {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on("languageChanged", applyDocumentLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "en";
}

/** The locale of the current UI language, for Intl formatters. */
export function currentLocale(): string {
  return localeFor(currentLanguage());
}

/** Switch the UI language and remember the choice in this browser. */
export function setLanguage(language: Language, storage: Storage | null = safeLocalStorage()): Promise<unknown> {
  storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  return i18n.changeLanguage(language);
}
