export * from "./edits";
export * from "./refresh";
export * from "./history";
export * from "./owned";
export * from "./owned-styles";
export * from "./status-style";
export * from "./after-edits";
export * from "./row-heights";
