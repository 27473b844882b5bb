export * from "./check";
export * from "./run";
export * from "./workbook";
