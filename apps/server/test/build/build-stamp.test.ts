import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inputsHash, isUpToDate, stampPath, writeStamp } from "../../../../scripts/build/stamp.mjs";
import type { BuildTarget } from "../../../../scripts/build/targets.mjs";

const target: BuildTarget = {
  name: "server",
  label: "test",
  inputs: ["a.ts", "src"],
  outDir: "out",
  marker: "main.js",
};
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "jobsync-stamp-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

function write(root: string, path: string, text: string) {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe("the build's input hash", () => {
  it("follows contents: an edit, a new file or a rename change it; touching a file does not", () => {
    const root = tree({ "a.ts": "a", "src/b.ts": "b", "src/deep/c.ts": "c" });
    const first = inputsHash(root, target);
    utimesSync(join(root, "src/b.ts"), new Date(0), new Date(0));
    expect(inputsHash(root, target)).toBe(first);
    write(root, "src/deep/c.ts", "c2");
    const edited = inputsHash(root, target);
    expect(edited).not.toBe(first);
    write(root, "src/new.ts", "");
    expect(inputsHash(root, target)).not.toBe(edited);
    rmSync(join(root, "src/new.ts"));
    expect(inputsHash(root, target)).toBe(edited);
    rmSync(join(root, "src/deep/c.ts"));
    write(root, "src/deep/d.ts", "c2");
    expect(inputsHash(root, target)).not.toBe(edited);
  });

  it("leaves out tests, dotfiles, node_modules, dist and inputs that do not exist", () => {
    const root = tree({ "a.ts": "a", "src/b.ts": "b" });
    const first = inputsHash(root, target);
    write(root, "src/b.test.ts", "test");
    write(root, "src/ui.test.tsx", "test");
    write(root, "src/.cache/x", "x");
    write(root, "src/node_modules/p/index.js", "p");
    write(root, "src/dist/main.js", "built");
    expect(inputsHash(root, target)).toBe(first);
    expect(inputsHash(root, { ...target, inputs: [...target.inputs, "missing.json"] })).toBe(first);
  });
});

describe("the build stamp", () => {
  it("is up to date only with the output's marker present and the same input hash recorded", () => {
    const root = tree({ "a.ts": "a", "src/b.ts": "b" });
    const hash = inputsHash(root, target);
    expect(isUpToDate(root, target, hash)).toBe(false);
    write(root, "out/main.js", "built");
    expect(isUpToDate(root, target, hash)).toBe(false);
    writeStamp(root, target, hash);
    expect(stampPath(root, target)).toBe(join(root, "node_modules/.cache/jobsync-build/server.json"));
    expect(isUpToDate(root, target, hash)).toBe(true);
    write(root, "src/b.ts", "b2");
    expect(isUpToDate(root, target, inputsHash(root, target))).toBe(false);
    rmSync(join(root, "out/main.js"));
    expect(isUpToDate(root, target, hash)).toBe(false);
  });

  it("reads a damaged stamp as out of date", () => {
    const root = tree({ "a.ts": "a", "out/main.js": "built" });
    const hash = inputsHash(root, target);
    write(root, "node_modules/.cache/jobsync-build/server.json", "{not json");
    expect(isUpToDate(root, target, hash)).toBe(false);
  });
});
