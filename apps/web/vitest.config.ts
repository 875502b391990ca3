import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

/** Component tests: jsdom + Testing Library, fed real-shaped data built from the contracts. */
export default defineProject({
  plugins: [react()],
  test: {
    name: "web",
    root: fileURLToPath(new URL(".", import.meta.url)),
    environment: "jsdom",
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    testTimeout: 20_000,
  },
});
