export * from "./detail-parser";
export * from "./listing-parser";
export * from "./listing-targets";
export * from "./to-draft";
export * from "./topcv-adapter";
export * from "./urls";
