/** `npm run cli -- <command>` (cli-process.ts). */
import { exitUnlessNodeSupported } from "../app/node-runtime";

// before anything else loads: on too old a Node a dependency would fail first, and obscurely
exitUnlessNodeSupported();
const { runCliProcess } = await import("./cli-process");
await runCliProcess();
