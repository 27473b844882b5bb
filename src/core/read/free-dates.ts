/** Dates in free text (report-date lines, progress comments): day-precision dates anywhere in a line. */
import type { IsoDate } from "../dates";
import { asText, dayDeadline, DAY, digits, MONTH, monthNumber, normalise, SEP, YEAR } from "./date-words";

/* ---- Dates in free text (report-date lines, progress comments) ---- */

const FREE_NUMERIC_DAY = /(^|[^\d.])(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\3 ?(\d{4}|\d{2})(?![\d])/g;
const FREE_TEXT_DAY = new RegExp(`(^|[^a-z0-9])${DAY}(?: of)?${SEP}${MONTH}(?![a-z])${SEP}${YEAR}(?!\\d)`, "g");
const FREE_MONTH_FIRST_DAY = new RegExp(`(^|[^a-z])${MONTH} ${DAY}(?:,)? (\\d{4})(?!\\d)`, "g");
const FREE_ISO_DAY = /(^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/** A day found in free text: where it starts, and the date. */
interface Found {
  index: number;
  date: IsoDate;
}

/** The ISO date of a written day, or null when the day does not exist. */
function validDay(yearText: string, month: number, day: number): IsoDate | null {
  return dayDeadline(yearText, month, day)?.deadline ?? null;
}

/**
 * A dotted date with a two-digit year ("7.2.10") is read only when day and month have two
 * digits too ("31.12.10"), so a ref such as 7.2.10 in a comment is not taken for a date.
 */
function isRefLike(sep: string, day: string, month: string, year: string): boolean {
  return sep === "." && year.length === 2 && (day.length === 1 || month.length === 1);
}

/** The first valid match of a global pattern, the date read from its groups by `read`. */
function firstValid(text: string, pattern: RegExp, read: (m: RegExpExecArray) => IsoDate | null): Found | null {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const date = read(m);
    if (date) return { index: m.index + m[1].length, date };
    pattern.lastIndex = m.index + m[1].length + 1;
  }
  return null;
}

/** Readers of each free-text day pattern, in the pattern's groups. */
const FREE_READERS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => IsoDate | null]> = [
  [FREE_NUMERIC_DAY, (m) => (isRefLike(m[3], m[2], m[4], m[5]) ? null : validDay(m[5], digits(m[4]), digits(m[2])))],
  [FREE_TEXT_DAY, (m) => validDay(m[4], monthNumber(m[3]), digits(m[2]))],
  [FREE_MONTH_FIRST_DAY, (m) => validDay(m[4], monthNumber(m[2]), digits(m[3]))],
  [FREE_ISO_DAY, (m) => validDay(m[2], digits(m[3]), digits(m[4]))],
];

/**
 * A single day date in free text such as a report-date line or a comment: "13th May 2009",
 * "16th OCT 2009", "31/03/2010", "1 Apr 09", "31.12.2010". Returns the first day-precision
 * date found in the text (day before month), or null. Never throws.
 */
export function findDayDate(text: string): IsoDate | null {
  const s = normalise(asText(text));
  let best: Found | null = null;
  for (const [pattern, read] of FREE_READERS) {
    const found = firstValid(s, pattern, read);
    if (found && (best === null || found.index < best.index)) best = found;
  }
  return best ? best.date : null;
}
