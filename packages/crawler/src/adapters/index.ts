export * from "./invalid-posting-error";
export * from "./posting-rules";
export * from "./registry";
export * from "./topcv";
