export * from "./ats-salary";
export * from "./greenhouse-adapter";
export * from "./lever-adapter";
