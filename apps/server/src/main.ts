/** `npm start`: API, admin UI and worker in one process (app/server-process.ts). */
import { exitUnlessNodeSupported } from "./app/node-runtime";

// before anything else loads: on too old a Node a dependency would fail first, and obscurely
exitUnlessNodeSupported();
const { runServerProcess } = await import("./app/server-process");
await runServerProcess();
