export * from "./crawl-events";
export * from "./crawl-listings";
export * from "./crawl-options";
export * from "./crawl-stream";
export * from "./error-kind";
export * from "./gone-page";
