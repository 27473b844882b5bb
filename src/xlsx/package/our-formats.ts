/**
 * The product's own conditional-format blocks in a worksheet's XML, handled as text: a
 * 10,000-action sheet holds thousands of them, and a DOM (whose child lists are re-indexed on
 * every insert or removal) makes replacing them quadratic. They are taken out of the text
 * before the sheet's head is parsed and written back, new, in one piece.
 */
import { STATUS_STYLES } from "../../core/edits";
import { decodeXml } from "./xml";

const WORDS = new Set(STATUS_STYLES.map((s) => s.word));
const OUR_FORMULA = /^TRIM\(\$[A-Z]{1,3}\d+\)="([^"]*)"$/;
const BLOCK_OPEN = /<((?:[A-Za-z_][\w.-]*:)?)conditionalFormatting\b([^>]*?)(\/?)>/g;
const RULE = /<(?:[\w.-]+:)?cfRule\b([^>]*)>\s*<(?:[\w.-]+:)?formula>([^<]*)<\/(?:[\w.-]+:)?formula>\s*<\/(?:[\w.-]+:)?cfRule>/g;

/** One of the product's blocks: its cells, its XML, and how many rules it holds. */
export interface OurBlock {
  sqref: string;
  xml: string;
  rules: number;
}

/** Whether a block's content is only the product's rules: an expression on a status word, each. */
function ruleCount(inner: string): number {
  const all = (inner.match(/<(?:[\w.-]+:)?cfRule\b/g) ?? []).length;
  if (all === 0) return 0;
  let ours = 0;
  for (const m of inner.matchAll(RULE)) {
    const f = OUR_FORMULA.exec(decodeXml(m[2]).trim());
    if (/\btype\s*=\s*["']expression["']/.test(m[1]) && f && WORDS.has(f[1])) ours++;
  }
  return ours === all && inner.replace(RULE, "").trim() === "" ? all : 0;
}

/** The text with the product's own blocks taken out, and those blocks. */
export function extractOurFormats(text: string): { rest: string; blocks: OurBlock[] } {
  const blocks: OurBlock[] = [];
  const pieces: string[] = [];
  let pos = 0;
  BLOCK_OPEN.lastIndex = 0;
  for (let m = BLOCK_OPEN.exec(text); m; m = BLOCK_OPEN.exec(text)) {
    if (m[3] === "/") continue;
    const closeTag = `</${m[1]}conditionalFormatting>`;
    const close = text.indexOf(closeTag, BLOCK_OPEN.lastIndex);
    if (close < 0) break;
    const end = close + closeTag.length;
    const rules = ruleCount(text.slice(BLOCK_OPEN.lastIndex, close));
    if (rules > 0) {
      const sqref = /\bsqref\s*=\s*"([^"]*)"/.exec(m[2])?.[1] ?? "";
      blocks.push({ sqref, xml: text.slice(m.index, end), rules });
      pieces.push(text.slice(pos, m.index));
      pos = end;
    }
    BLOCK_OPEN.lastIndex = end;
  }
  pieces.push(text.slice(pos));
  return { rest: pieces.join(""), blocks };
}

/** Placeholder put in the sheet's head where the product's blocks go (replaced by their text). */
export const PLACEHOLDER_REF = "ACTIONPLANRAG";
