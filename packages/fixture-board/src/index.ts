export * from "./ats-api";
export * from "./catalog";
export * from "./faults";
export * from "./internal-service";
export * from "./posting";
export * from "./request-log";
export type { Encoding } from "./respond";
export * from "./server";
