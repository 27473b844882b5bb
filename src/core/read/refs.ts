/**
 * Refs of any style: dotted numbers (3.1.1, "3.1.1."), letters and numbers (A1, PH1, F2, CS-04),
 * numbers and letters (1a, 2.b), plain numbers (7), each optionally after a status word
 * ("Amber 3.1.1").
 */
import type { StatusWord } from "../model";

/** A ref: up to four letters, then a number, then more numbers or single letters after dots or dashes. */
const REF_BODY = "(?:[a-z]{1,4}[ .\\-]?)?\\d{1,4}[a-z]?(?:[.\\-/]\\d{1,4}[a-z]?|\\.[a-z](?![a-z]))*\\.?";
const REF = new RegExp(`^(?:(red|amber|green)\\b[\\s:,\\-–]*)?(${REF_BODY})$`, "i");
/** A ref without a status word: what a short identifier cell holds. */
const BARE_REF = new RegExp(`^${REF_BODY}$`, "i");
/** Texts that a ref's pattern matches but that are dates or amounts, never refs. */
const NOT_A_REF = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}\s*[-/]\s*\d{2,4}$|^\d{5,}$/;

/** A ref as read: the ref, and the officer's status word written before it. */
export interface ParsedRef {
  ref: string;
  statusWord: StatusWord | null;
}

/** The ref of a ref cell's text ("Amber 3.1.1" gives ref 3.1.1 and status word amber), or null. */
export function parseRef(text: string): ParsedRef | null {
  const t = text.trim();
  if (t.length > 24) return null;
  // Most refs open with a digit ("3.1.2", "7", "1a"): no status word can stand before them, and the
  // bare pattern settles them without building a match.
  const first = t.charCodeAt(0);
  if (first >= 48 && first <= 57) return BARE_REF.test(t) && !NOT_A_REF.test(t) ? { ref: t.endsWith(".") ? t.slice(0, -1) : t, statusWord: null } : null;
  const m = REF.exec(t);
  if (!m || NOT_A_REF.test(m[2])) return null;
  const ref = m[2].endsWith(".") ? m[2].slice(0, -1) : m[2];
  return { ref, statusWord: m[1] ? (m[1].toLowerCase() as StatusWord) : null };
}

/**
 * True when a parsed ref is short and has no status word before it: such a text always reads as
 * data (isDataCell): a ref with structure, or a plain number. Cheaper than asking isDataCell.
 */
export function isShortBareRef(text: string, parsed: ParsedRef): boolean {
  return parsed.statusWord === null && text.length <= 16;
}

/**
 * True when a text is a ref with structure (a dotted number, letters with a number, a number with a
 * letter): what makes a row data, not headings. A plain number alone is not enough for this.
 */
export function looksLikeRef(text: string): boolean {
  const t = text.trim();
  if (t.length > 16 || !BARE_REF.test(t) || NOT_A_REF.test(t)) return false;
  return !/^\d+\.?$/.test(t);
}

/** True when a cell's text is a short identifier: a ref of any style, plain numbers included. */
export function isIdentifier(text: string): boolean {
  const t = text.trim();
  return t.length <= 16 && BARE_REF.test(t) && !NOT_A_REF.test(t);
}

/** True when a ref is a dotted number ("3.1.1"), the style whose parts name its objective. */
export function isDottedRef(ref: string): boolean {
  return /^\d+(?:\.\d+)+$/.test(ref);
}
