/** How each kind of cell on an owned sheet looks, as data both adapters apply the same way. */
import type { OwnedStyle } from "./edits";

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  border?: boolean;
  numberFormat?: string;
  hAlign?: "left" | "center" | "right";
}

/** Text cells are formatted as text ("@") so nothing an officer typed is turned into a date or formula. */
export const TEXT_FORMAT = "@";

/** Table text is 10 point, so a board report's tables print on fewer pages and still read easily. */
const BODY = 10;

export const OWNED_LOOKS: Readonly<Record<OwnedStyle, CellLook>> = {
  title: { bold: true, size: 16, numberFormat: TEXT_FORMAT },
  subtitle: { italic: true, size: 11, fontColor: "404040", numberFormat: TEXT_FORMAT },
  heading: { bold: true, size: 13, fontColor: "1F3864", numberFormat: TEXT_FORMAT },
  "column-header": { bold: true, size: BODY, fill: "D9E1F2", border: true, wrap: true, numberFormat: TEXT_FORMAT },
  text: { size: BODY, border: true, numberFormat: TEXT_FORMAT },
  wrap: { size: BODY, border: true, wrap: true, numberFormat: TEXT_FORMAT },
  number: { size: BODY, border: true, numberFormat: "0", hAlign: "right" },
  percent: { size: BODY, border: true, numberFormat: "0%", hAlign: "right" },
  date: { size: BODY, border: true, numberFormat: "d mmm yyyy", hAlign: "left" },
  note: { italic: true, size: BODY, fontColor: "595959", numberFormat: TEXT_FORMAT },
  marker: { fontColor: "FFFFFF", size: 8, numberFormat: TEXT_FORMAT },
  label: { bold: true, size: BODY, border: true, wrap: true, numberFormat: TEXT_FORMAT },
  change: { size: BODY, border: true, numberFormat: "+0;-0;0", hAlign: "right" },
  better: { size: BODY, border: true, wrap: true, bold: true, fontColor: "00703C", numberFormat: TEXT_FORMAT },
  worse: { size: BODY, border: true, wrap: true, bold: true, fontColor: "C00000", numberFormat: TEXT_FORMAT },
  days: { size: BODY, border: true, numberFormat: '0 "days";-0 "days ago"', hAlign: "right" },
  input: { size: BODY, border: true, wrap: true, fill: "FFF2CC", numberFormat: TEXT_FORMAT },
};
