import type { OwnedSheet } from "./edits";
export function planBoardReport(_i: unknown): { owned: OwnedSheet[]; summary: string } { return { owned: [], summary: "" }; }
