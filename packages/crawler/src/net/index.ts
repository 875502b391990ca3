export * from "./address-class";
export * from "./guard-proxy";
export * from "./guarded-agent";
export * from "./network-policy";
export * from "./static-resolver";
