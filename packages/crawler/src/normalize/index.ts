export * from "./date";
export * from "./location";
export * from "./posting-keys";
export * from "./salary";
export * from "./text";
