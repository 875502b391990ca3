export * from "./archive-chain";
export * from "./archive-fetcher";
export * from "./recorded-page";
export * from "./recording-fetcher";
export * from "./warc-fields";
export * from "./warc-index";
export * from "./warc-reader";
export * from "./warc-writer";
