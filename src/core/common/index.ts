export * from "./group";
export * from "./memo";
export * from "./officer-error";
export * from "./words";
