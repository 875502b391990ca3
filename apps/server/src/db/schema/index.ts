export * from "./data-sources";
export * from "./enums";
export * from "./job-postings";
export * from "./sync-jobs";
export * from "./users";
