export * from "./css-adapter";
export * from "./css-preview";
export * from "./css-urls";
