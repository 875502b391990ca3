import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

/** End-to-end tests: the real server on the embedded database, the fixture board, and Debian's Chromium. */
export default defineProject({
  test: {
    name: "web-e2e",
    root: fileURLToPath(new URL(".", import.meta.url)),
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
