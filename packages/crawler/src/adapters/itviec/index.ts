export * from "./detail-parser";
export * from "./itviec-adapter";
export * from "./listing-parser";
export * from "./salary";
