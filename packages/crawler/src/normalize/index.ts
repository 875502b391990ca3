export * from "./date";
export * from "./experience";
export * from "./location";
export * from "./posting-keys";
export * from "./salary";
export * from "./text";
