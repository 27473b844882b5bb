/** The look of each status: the word is always in the cell; fills chosen with readable text (contrast 4.5:1 or more). */
import type { StatusStyle } from "./edits";
import type { Rag } from "../model";
import { RAG_ORDER, RAG_WORDS } from "../assess";

/** Each status's fill and text colour. */
export const STATUS_COLOURS: Readonly<Record<Rag, { fill: string; font: string }>> = {
  red: { fill: "C00000", font: "FFFFFF" },
  amber: { fill: "FFC000", font: "000000" },
  green: { fill: "00B050", font: "000000" },
  blue: { fill: "0070C0", font: "FFFFFF" },
  "not-reported": { fill: "D9D9D9", font: "000000" },
  closed: { fill: "A6A6A6", font: "000000" },
};

/** Every status with its word and colours, Red first. */
export const STATUS_STYLES: ReadonlyArray<StatusStyle> = RAG_ORDER.map((rag) => ({ rag, word: RAG_WORDS[rag], ...STATUS_COLOURS[rag] }));
