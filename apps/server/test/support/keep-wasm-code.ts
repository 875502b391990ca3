// every test worker, before any embedded database is opened (see app/wasm-code.ts)
import { keepWasmCode } from "../../src/app/wasm-code";

keepWasmCode();
