// A parse worker thread: runs parse tasks posted by ParsePool (parse-pool.ts), one at a time. Plain JavaScript, so
// that it starts the same way under tsx, vitest and a compiled build: it loads the compiled parse-task.js when there
// is one, else registers tsx and loads the TypeScript source.
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const compiled = new URL("./parse-task.js", import.meta.url);
let runParseTask;
if (existsSync(compiled)) {
  ({ runParseTask } = await import(compiled.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ runParseTask } = await import(new URL("./parse-task.ts", import.meta.url).href));
}

const port = parentPort;
if (!port) throw new Error("parse-worker.mjs runs as a worker thread of ParsePool");
port.on("message", ({ id, task }) => {
  port.postMessage({ id, outcome: runParseTask(task) });
});
port.postMessage({ ready: true });
