export * from "./adapters";
export * from "./adapters/adapter";
export * from "./crawl";
export * from "./fetch";
export * from "./fetch/errors";
export * from "./fetch/fetcher";
export * from "./normalize";
