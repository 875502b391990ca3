// @ts-check
import { join } from "node:path";
import { build } from "vite";

/**
 * `vite build` of the admin UI (apps/web/vite.config.ts) into outDir; only warnings are printed.
 * @param {string} root
 * @param {string} outDir
 */
export async function bundleWeb(root, outDir) {
  await build({
    configFile: join(root, "apps/web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}
