export * from "./detail-parser";
export * from "./listing-parser";
export * from "./listing-targets";
export * from "./topcv-adapter";
export * from "./urls";
