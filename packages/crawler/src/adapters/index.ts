export * from "./ats";
export * from "./build-draft";
export * from "./css";
export * from "./invalid-posting-error";
export * from "./itviec";
export * from "./posting-rules";
export * from "./registry";
export * from "./topcv";
