import { describe, expect, test } from "vitest";
import { detectLanguage, LANGUAGE_STORAGE_KEY, localeFor } from "./i18n";
import { en } from "./locales/en";
import { vi } from "./locales/vi";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();

describe("the UI strings", () => {
  const english = flatten(en as unknown as Tree);
  const vietnamese = flatten(vi as unknown as Tree);

  test("Tiếng Việt has every English key and no other", () => {
    expect([...vietnamese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  test("every string is written, and keeps the English placeholders and tags", () => {
    for (const [key, text] of english) {
      const translated = vietnamese.get(key) ?? "";
      expect(text.trim(), key).not.toBe("");
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  test("Vietnamese strings are Vietnamese, not copies of the English ones", () => {
    // a few words are the same in both (Email, URL, ms, placeholders only); most must differ
    const same = [...english].filter(([key, text]) => vietnamese.get(key) === text && /[a-z]{4,}/i.test(text));
    expect(same.length / english.size).toBeLessThan(0.05);
  });
});

describe("the language", () => {
  const memory = (value: string | null) =>
    ({ getItem: () => value, setItem: () => {}, removeItem: () => {} }) as unknown as Storage;

  test("the switch's choice wins, then the browser's languages, then English", () => {
    expect(detectLanguage(memory("vi"))).toBe("vi");
    expect(detectLanguage(memory("fr"))).toBe("en"); // jsdom's navigator says en-US
    expect(LANGUAGE_STORAGE_KEY).toBe("jobsync.language");
  });

  test("dates follow the browser's locale when it is of the UI's language", () => {
    expect(localeFor("en")).toBe("en-US");
    expect(localeFor("vi")).toBe("vi-VN");
  });
});
