import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { BrowserNotFoundError } from "./errors";

/** Where Chromium usually lives on Linux servers, in the order we look. */
export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
] as const;
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] as const;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Like `which name`: the first executable `name` on PATH. */
function which(name: string, pathVariable: string): string | null {
  for (const dir of pathVariable.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/**
 * The Chromium to launch: `explicit` (the CHROMIUM_PATH setting) when given — and then only it, so a wrong setting is
 * reported rather than silently replaced — else the first of CHROMIUM_PATHS, else `which` of CHROMIUM_NAMES.
 * Throws BrowserNotFoundError naming every place tried.
 */
export function resolveChromiumPath(
  explicit?: string,
  pathVariable: string = process.env.PATH ?? "",
  paths: readonly string[] = CHROMIUM_PATHS,
): string {
  if (explicit !== undefined && explicit.trim() !== "") {
    if (isExecutableFile(explicit)) return explicit;
    throw new BrowserNotFoundError([explicit]);
  }
  for (const path of paths) if (isExecutableFile(path)) return path;
  for (const name of CHROMIUM_NAMES) {
    const found = which(name, pathVariable);
    if (found) return found;
  }
  throw new BrowserNotFoundError([...paths, ...CHROMIUM_NAMES.map((name) => `\`which ${name}\``)]);
}
