export * from "./group";
