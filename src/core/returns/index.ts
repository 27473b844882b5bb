/** Partner returns (README.md, "Partner returns"): make one return per lead, read what comes back, plan the merge. */
export * from "./types";
export * from "./keys";
export * from "./make";
export * from "./read";
export * from "./merge";
