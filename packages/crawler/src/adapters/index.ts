export * from "./ats";
export * from "./css";
export * from "./invalid-posting-error";
export * from "./itviec";
export * from "./page-too-complex-error";
export * from "./posting-rules";
export * from "./registry";
export * from "./topcv";
