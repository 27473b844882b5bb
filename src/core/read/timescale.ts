/**
 * Deadlines from the free text officers type in a plan's Time-scale column (SPEC section 4),
 * read by UK conventions: day before month, two-digit years are 20xx, the financial year
 * runs April to March ("2009/10" ends 31 Mar 2010, its Q1 is April to June).
 *
 * Every function here is pure and total: any string in, an answer out, never an exception.
 * The regular expressions are compiled once, anchored, and bounded so that a long or
 * hostile string costs linear time.
 */
import { endOfMonth, isValidDay, isoDate, type IsoDate } from "../dates";
import type { Deadline, DeadlineKind } from "../model";


/** Years a plan deadline can plausibly fall in; two-digit years land in 2000-2099. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/** Longer normalised text is prose, not a date expression: not worth the grammar. */
const MAX_EXPRESSION_LENGTH = 120;

/** Month names as typed: full, three-letter, "Sept", "Febuary", with an optional dot. */
const MONTH = "(jan(?:uary)?|feb(?:r?uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A day of the month with an optional ordinal, also written apart: "1st", "1 st", "30 th". */
const DAY = "(\\d{1,2})(?: ?(?:st|nd|rd|th))?";
/** A year: four digits or two. */
const YEAR = "(\\d{4}|\\d{2})";
/** Between the parts of a written date: "31 March 2010", "31-Mar-2010", "31.Mar.10", "Mar '10". */
const SEP = "[ ,\\-/.']{0,3}";

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC_DAY = /^(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})$/;
const TEXT_DAY = new RegExp(`^${DAY}(?: of)?${SEP}${MONTH}${SEP}${YEAR}$`);
const MONTH_FIRST_DAY = new RegExp(`^${MONTH} ${DAY} (\\d{4})$`);
const MONTH_YEAR = new RegExp(`^${MONTH}${SEP}${YEAR}$`);
const NUMERIC_MONTH_YEAR = /^(\d{1,2}) ?[/.-] ?(\d{4})$/;
const FY_PREFIX = "(?:(?:financial|fin\\.?) year|f\\.?y\\.?)? ?";
const FY = `${FY_PREFIX}(\\d{4}) ?[/-] ?(\\d{4}|\\d{2})(?: ?fy)?`;
const FY_SHORT = "(?:(?:financial|fin\\.?) year|f\\.?y\\.?) ?(\\d{2}) ?[/-] ?(\\d{2})";
const FINANCIAL_YEAR = new RegExp(`^(?:${FY}|${FY_SHORT})$`);
/** After a quarter, "09/10" can only be a financial year, so two-digit years are read too. */
const QUARTER_FY = `\\(?${FY_PREFIX}(\\d{4}|\\d{2}) ?[/-] ?(\\d{4}|\\d{2})(?: ?fy)?\\)?`;
const QUARTER_NAME = "(?:q|quarter) ?([1-4])";
const FY_QUARTER = new RegExp(`^(?:${QUARTER_NAME} ?(?:of )?${QUARTER_FY}|${QUARTER_FY} ${QUARTER_NAME})$`);
const CALENDAR_QUARTER = new RegExp(`^${QUARTER_NAME} ?(?:of )?\\(?${YEAR}\\)?$`);
const YEAR_ONLY = /^(?:(?:calendar|cal\.?) year )?(\d{4})$/;

/** Words that say the action recurs or continues, so it has no single deadline. */
const ONGOING = /(?:^|[^a-z])(?:on ?-?going|(?:bi-?)?annual(?:ly)?|yearly|quarterly|monthly|weekly|fortnightly|daily|every|each (?:year|month|quarter|week)|continu(?:e[ds]?|ous(?:ly)?|al(?:ly)?|ing)|onwards?|rolling|regular(?:ly)?|throughout|as (?:and when|required|needed|necessary)|indefinite(?:ly)?)(?![a-z])/;
/** Words in front of a date that do not change it: "by", "end of", "deadline:", "Wed" ... */
const LEADING_WORDS = /^(?:by|before|until|till|no later than|not later than|on or before|(?:by )?(?:the )?end(?: of)?|deadline|target(?: date)?|due(?: date| by)?|date|(?:to be )?complete(?:d)? by|week ending|w\/e|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?)(?:[ :-]+|$)/;
const COMMAS = / ?, ?/g;
const TRAILING_TIME = / \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?$/;
const EDGE_PUNCTUATION = /^[\s.,;:!?'"*()[\]-]+|[\s.,;:!?'"*()[\]]+$/g;
const SPACES = /[\s\u200b\ufeff]+/g;
/** Any character normalise would change, other than case: the common text needs none of its replacements. */
const NEEDS_CLEANING = /[^\S ]| {2}|[\u200b\ufeff\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2018\u2019\u201b\u2032]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const QUOTES = /[\u2018\u2019\u201b\u2032]/g;
/** Where a range splits: a dash or "to" between two dates. */
const RANGE_SEPARATOR = / ?- ?| (?:to|until|till|through|thru) /g;
const TRAILING_YEAR = /(?:^|[^\d])(\d{4}|\d{2})$/;
const BARE_DAY = /^(\d{1,2})(?: ?(?:st|nd|rd|th))?$/;
const RANGE_FROM = /^(?:from|between) /;

/** Placeholder spellings, compared with case, space and punctuation removed. */
const PLACEHOLDER_KEY = /^(?:timescales?|deadline|dates?|target(?:date)?)?(?:tbc|tba|tbd|tbe|tbcd|na|nk|none|unknown|notknown|notapplicable|pending|notset|notyet(?:set|known|agreed|confirmed|decided)|tobe(?:confirmed|revised|completed|agreed|decided|determined|arranged|advised|set|identified|established|discussed|reviewed|finalised|finalized))?$/;
const PLACEHOLDER_NOISE = /[\s\p{P}]+/gu;
const MAX_PLACEHOLDER_LENGTH = 60;
const HAS_DIGIT = /\d/;

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** A deadline-less answer of the given kind (a fresh object, so a caller may keep or change it). */
function noDeadline(kind: "ongoing" | "missing" | "unparsed"): Deadline {
  return { deadline: null, kind };
}

/** The text of any value, without throwing (a cell may hand over something that is not a string). */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** One line, single spaces, plain dashes and quotes, lower case, trimmed. */
function normalise(text: string): string {
  const clean = NEEDS_CLEANING.test(text) ? text.replace(SPACES, " ").replace(DASHES, "-").replace(QUOTES, "'") : text;
  return clean.toLowerCase().trim();
}

/** The value of a run of decimal digits (NaN for anything else). */
function digits(text: string): number {
  return +text;
}

/** A written year as a number: two digits are 20xx; null outside the plausible years. */
function toYear(text: string): number | null {
  const n = digits(text);
  const year = text.length === 2 ? 2000 + n : n;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** The number (1-12) of a month name as typed ("Sept", "march", "Febuary"). */
function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.slice(0, 3)] ?? 0;
}

/** A day-precision deadline, or null when the day does not exist ("31/02/2010"). */
function dayDeadline(yearText: string, month: number, day: number): Deadline | null {
  const year = toYear(yearText);
  if (year === null || !isValidDay(year, month, day)) return null;
  return { deadline: isoDate(year, month, day), kind: "date" };
}

/** The last day of a month as a deadline, or null for an impossible month or year. */
function monthDeadline(yearText: string, month: number): Deadline | null {
  const year = toYear(yearText);
  if (year === null || month < 1 || month > 12) return null;
  return { deadline: endOfMonth(year, month), kind: "month" };
}

/**
 * The year a financial year ends in, from its written start and end years:
 * "2009/10" and "2009/2010" end in 2010; a span such as "2008-11" ends in 2011.
 */
function financialYearEnd(startText: string, endText: string): number | null {
  const start = toYear(startText);
  if (start === null) return null;
  let end = digits(endText);
  if (endText.length === 2) {
    end += Math.floor(start / 100) * 100;
    if (end <= start) end += 100;
  }
  return end > start && end - start <= 10 && end <= MAX_YEAR ? end : null;
}

/** "2010-03-31", "2010/3/31": year first, so never ambiguous. */
function parseIsoDay(s: string): Deadline | null {
  const m = ISO_DAY.exec(s);
  return m ? dayDeadline(m[1], digits(m[2]), digits(m[3])) : null;
}

/** "31/03/2010", "31.12.10", "1-4-2009": always day, then month, then year. */
function parseNumericDay(s: string): Deadline | null {
  const m = NUMERIC_DAY.exec(s);
  return m ? dayDeadline(m[4], digits(m[3]), digits(m[1])) : null;
}

/** "1 st July 2009", "31st March 2010", "1 Apr 09", "31-Mar-2010", "1st of May 2010". */
function parseTextDay(s: string): Deadline | null {
  const m = TEXT_DAY.exec(s);
  return m ? dayDeadline(m[3], monthNumber(m[2]), digits(m[1])) : null;
}

/** "March 31 2010", "March 31st, 2010": the month is named, so only a four-digit year is read. */
function parseMonthFirstDay(s: string): Deadline | null {
  const m = MONTH_FIRST_DAY.exec(s);
  return m ? dayDeadline(m[3], monthNumber(m[1]), digits(m[2])) : null;
}

/** "Dec 08", "Apr-24", "March 2010", "Sept 09", "03/2010": the last day of that month. */
function parseMonthYear(s: string): Deadline | null {
  const m = MONTH_YEAR.exec(s);
  if (m) return monthDeadline(m[2], monthNumber(m[1]));
  const n = NUMERIC_MONTH_YEAR.exec(s);
  return n ? monthDeadline(n[2], digits(n[1])) : null;
}

/** "Q3 2009/10", "Q3 09/10", "2009/10 Q3": quarters of the financial year, Q1 = April-June, Q4 = January-March. */
function parseFinancialQuarter(s: string): Deadline | null {
  const m = FY_QUARTER.exec(s);
  if (!m) return null;
  const [quarter, startYear, endYear] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[6], m[4], m[5]];
  const end = financialYearEnd(startYear, endYear);
  if (end === null || end - 1 !== toYear(startYear)) return null;
  const month = 3 + 3 * digits(quarter);
  return { deadline: month > 12 ? endOfMonth(end, month - 12) : endOfMonth(end - 1, month), kind: "quarter" };
}

/** "Q1 2010": with no financial year written, a calendar quarter (Q1 = January-March). */
function parseCalendarQuarter(s: string): Deadline | null {
  const m = CALENDAR_QUARTER.exec(s);
  const year = m ? toYear(m[2]) : null;
  return m && year !== null ? { deadline: endOfMonth(year, 3 * digits(m[1])), kind: "quarter" } : null;
}

/** "2009/10", "2009-10", "2009/2010", "FY 09/10" end on 31 March 2010; a span "2008-11" on 31 March 2011. */
function parseFinancialYear(s: string): Deadline | null {
  const m = FINANCIAL_YEAR.exec(s);
  const end = m && (m[1] !== undefined ? financialYearEnd(m[1], m[2]) : financialYearEnd(m[3], m[4]));
  return end ? { deadline: isoDate(end, 3, 31), kind: "financial-year" } : null;
}

/** "2010": the end of that calendar year. */
function parseYear(s: string): Deadline | null {
  const m = YEAR_ONLY.exec(s);
  const year = m ? toYear(m[1]) : null;
  return year === null ? null : { deadline: isoDate(year, 12, 31), kind: "year" };
}

const SINGLE_PARSERS: ReadonlyArray<(s: string) => Deadline | null> = [
  parseIsoDay, parseNumericDay, parseTextDay, parseMonthFirstDay, parseMonthYear,
  parseFinancialQuarter, parseCalendarQuarter, parseFinancialYear, parseYear,
];

/** Strips what may stand around a date without changing it: "by", "end of", "deadline:", a time, punctuation. */
function stripAffixes(s: string): string {
  let out = (s.includes(",") ? s.replace(COMMAS, " ") : s).replace(EDGE_PUNCTUATION, "");
  for (let i = 0; i < 4 && LEADING_WORDS.test(out); i++) {
    out = out.replace(LEADING_WORDS, "").replace(EDGE_PUNCTUATION, "");
  }
  return out.includes(":") ? out.replace(TRAILING_TIME, "") : out;
}

/** One date expression (no range), after its affixes are stripped; null when it is none. */
function parseSingle(text: string): Deadline | null {
  const s = stripAffixes(text);
  for (const parse of SINGLE_PARSERS) {
    const d = parse(s);
    if (d) return d;
  }
  return null;
}

/** True when the start of a range reads as a date, alone, with the end's year, or as a bare day before a full date. */
function isRangeStart(start: string, end: string, endKind: DeadlineKind): boolean {
  if (start === "") return false;
  if (parseSingle(start)) return true;
  const year = TRAILING_YEAR.exec(end);
  if (year && parseSingle(`${start} ${year[1]}`)) return true;
  const day = BARE_DAY.exec(start);
  return endKind === "date" && day !== null && digits(day[1]) >= 1 && digits(day[1]) <= 31;
}

/** "April 2010 - March 2011", "January - March 2023", "Q1 to Q2 2010": the end of the range, with the end's kind. */
function parseRange(s: string): Deadline | null {
  RANGE_SEPARATOR.lastIndex = 0;
  for (let m = RANGE_SEPARATOR.exec(s); m; m = RANGE_SEPARATOR.exec(s)) {
    const start = s.slice(0, m.index).replace(RANGE_FROM, "").trim();
    const endText = s.slice(m.index + m[0].length).trim();
    const end = endText === "" ? null : parseSingle(endText);
    if (end && isRangeStart(start, stripAffixes(endText), end.kind)) return end;
  }
  return null;
}

/**
 * True when the text is a placeholder for a missing value: "", "???", "?", "-", "TBC", "TBA",
 * "TBD", "N/A", "to be revised", "to be completed", "to be confirmed", "Date TBC" ...
 * Case, spaces and punctuation do not matter.
 */
export function isPlaceholder(text: string): boolean {
  return isPlaceholderKey(normalise(asText(text)));
}

/** True when normalised text, stripped of spaces and punctuation, is a placeholder spelling (none has a digit). */
function isPlaceholderKey(s: string): boolean {
  if (s.length > MAX_PLACEHOLDER_LENGTH || HAS_DIGIT.test(s)) return false;
  return PLACEHOLDER_KEY.test(s.replace(PLACEHOLDER_NOISE, ""));
}

/** True when normalised text says the action recurs or continues ("ongoing", "annually", "every August"). */
function isOngoing(s: string): boolean {
  return ONGOING.test(s);
}

/**
 * Deadline from a Time-scale cell's text (UK conventions, SPEC section 4): a day, the end of
 * a month, quarter, financial year or year, the end of a range; or no deadline, because the
 * action is ongoing, the timescale is missing, or the text is not understood.
 * Never throws, for any string.
 */
export function parseTimescale(text: string): Deadline {
  const s = normalise(asText(text));
  if (isPlaceholderKey(s)) return noDeadline("missing");
  if (isOngoing(s)) return noDeadline("ongoing");
  if (s.length > MAX_EXPRESSION_LENGTH || !HAS_DIGIT.test(s)) return noDeadline("unparsed");
  return parseSingle(s) ?? parseRange(stripAffixes(s)) ?? noDeadline("unparsed");
}

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
