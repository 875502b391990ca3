import { defineConfig } from "vitest/config";

/** One test run for the whole workspace: `npm test`. Each package is a project with its own environment. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "contracts",
          root: "packages/contracts",
          include: ["test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "crawler",
          root: "packages/crawler",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "fixture-board",
          root: "packages/fixture-board",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "server",
          root: "apps/server",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/keep-wasm-code.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      "apps/web/vitest.config.ts",
      "apps/web/vitest.e2e.config.ts",
    ],
  },
});
