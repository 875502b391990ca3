/** `npm start`: API, admin UI and worker in one process (app/server-process.ts). */
import { exitUnlessNodeSupported } from "./app/node-runtime";
import { keepWasmCode } from "./app/wasm-code";

// before anything else loads: on too old a Node a dependency would fail first, and obscurely
exitUnlessNodeSupported();
keepWasmCode();
const { runServerProcess } = await import("./app/server-process");
await runServerProcess();
