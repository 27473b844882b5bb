export * from "./view";
export * from "./json";
