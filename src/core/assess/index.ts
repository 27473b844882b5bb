export * from "./rag";
export * from "./assess";
export * from "./validate";
export * from "./columns";
export * from "./rules-text";
