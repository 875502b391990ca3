export * from "./crawl-events";
export * from "./crawl-listings";
export * from "./error-kind";
