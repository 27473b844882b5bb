export * from "./types";
export * from "./data";
export * from "./build";
export * from "./layout-common";
export * from "./layout-board";
export * from "./layout-lead";
export * from "./tally";
