/** `npm run worker`: a sync worker process for PostgreSQL mode (app/worker-process.ts). */
import { exitUnlessNodeSupported } from "./app/node-runtime";
import { keepWasmCode } from "./app/wasm-code";

// before anything else loads: on too old a Node a dependency would fail first, and obscurely
exitUnlessNodeSupported();
keepWasmCode();
const { runWorkerProcess } = await import("./app/worker-process");
await runWorkerProcess();
