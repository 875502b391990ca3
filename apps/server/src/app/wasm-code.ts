import { setFlagsFromString } from "node:v8";

/**
 * Node.js 24.21's V8 now and then aborts the process when it frees WebAssembly code it replaced (PGlite, the embedded
 * database, is WebAssembly): "Check failed: jit_page_->allocations_.erase(addr) == 1" in
 * `ThreadIsolation::UnregisterWasmAllocation`, or glibc's "corrupted size vs. prev_size" — 2 of 9 runs of B11 (which
 * opens and closes several embedded databases in one process, 2026-12-06), 0 of 14 with V8's garbage collection of
 * WebAssembly code off. Off, code that tier-up replaced stays in memory (a few MB of PGlite's); called first by every
 * entry point, the test workers and the benchmarks, before any WebAssembly is compiled.
 */
export function keepWasmCode(): void {
  setFlagsFromString("--no-wasm-code-gc");
}
