export * from "./group";
export * from "./officer-error";
export * from "./words";
