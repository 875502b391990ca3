/** `npm run cli -- <command>` (cli-process.ts). */
import { exitUnlessNodeSupported } from "../app/node-runtime";
import { keepWasmCode } from "../app/wasm-code";

// before anything else loads: on too old a Node a dependency would fail first, and obscurely
exitUnlessNodeSupported();
keepWasmCode();
const { runCliProcess } = await import("./cli-process");
await runCliProcess();
