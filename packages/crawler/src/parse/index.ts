export * from "./parse-pool";
export * from "./parse-task";
export * from "./parsing-adapter";
