export * from "./reader";
export * from "./headers";
export * from "./timescale";
export * from "./progress";
