export * from "./catalog";
export * from "./faults";
export * from "./posting";
export * from "./request-log";
export * from "./server";
