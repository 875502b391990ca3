export * from "./cli-io";
export * from "./normalize-command";
export * from "./parse-command";
