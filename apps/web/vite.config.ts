import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = process.env.JOBSYNC_API_URL ?? "http://127.0.0.1:3000";

/** The admin UI. `vite build` writes apps/web/dist, which the server serves at `/`; `vite` proxies `/api` to it. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), tailwindcss()],
  // One admin bundle (React, Radix, TanStack Query and Router, i18next with both languages, zod from the contracts):
  // ~820 kB, 252 kB gzipped; an admin tool loaded once per session, so no need to split it.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
});
