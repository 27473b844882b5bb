/**
 * Deadlines from the free text officers type in a plan's Time-scale column (README.md, "How statuses are worked out"),
 * read by UK conventions: day before month, two-digit years are 20xx, the financial year
 * runs April to March ("2009/10" ends 31 Mar 2010, its Q1 is April to June).
 *
 * Every function here is pure and total: any string in, an answer out, never an exception.
 * The regular expressions are compiled once, anchored, and bounded so that a long or
 * hostile string costs linear time.
 */
import { endOfMonth, financialYearEndOf, fromExcelSerial, isoDate, type IsoDate } from "../dates";
import type { Deadline, DeadlineKind } from "../model";
import { remembered } from "../common";
import { asText, DAY, dayDeadline, digits, MAX_YEAR, MONTH, monthDeadline, monthNumber, noDeadline, normalise, SEP, toYear, YEAR } from "./date-words";

export { asText, DAY, dayDeadline, digits, MONTH, monthNumber, normalise, SEP, toYear, YEAR } from "./date-words";

/** Longer normalised text is prose, not a date expression: not worth the grammar. */
const MAX_EXPRESSION_LENGTH = 120;


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
const ONGOING = /(?:^|[^a-z])(?:on ?-?going|(?:bi-?)?annual(?:ly)?|yearly|quarterly|(?:six|bi|two|three)-? ?monthly|half-? ?yearly|termly|monthly|weekly|fortnightly|daily|with immediate effect|immediate(?:ly)?|business as usual|every|each (?:year|month|quarter|week)|continu(?:e[ds]?|ous(?:ly)?|al(?:ly)?|ing)|onwards?|rolling|regular(?:ly)?|throughout|as (?:and when|required|needed|necessary)|indefinite(?:ly)?)(?![a-z])/;
/** Words in front of a date that do not change it: "by", "end of", "deadline:", "Wed" ... */
const LEADING_WORDS = /^(?:by|before|until|till|during|in|around|approx(?:imately|\.)?|circa|c\.|w\/c|w\/b|wc|week (?:commencing|beginning|starting)|no later than|not later than|on or before|(?:by )?(?:the )?end(?: of)?|deadline|target(?: date)?|due(?: date| by)?|date|(?:to be )?complete(?:d)? by|week ending|w\/e|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?)(?:[ :-]+|$)/;
const COMMAS = / ?, ?/g;
const TRAILING_TIME = / \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?$/;
const EDGE_PUNCTUATION = /^[\s.,;:!?'"*()[\]-]+|[\s.,;:!?'"*()[\]]+$/g;
/** Where a range splits: a dash or "to" between two dates. */
const RANGE_SEPARATOR = / ?- ?| (?:to|until|till|through|thru) /g;
const TRAILING_YEAR = /(?:^|[^\d])(\d{4}|\d{2})$/;
const BARE_DAY = /^(\d{1,2})(?: ?(?:st|nd|rd|th))?$/;
const RANGE_FROM = /^(?:from|between) /;

/** Placeholder spellings, compared with case, space and punctuation removed. */
const PLACEHOLDER_KEY = /^(?:timescales?|deadline|dates?|target(?:date)?)?(?:tbc|tba|tbd|tbe|tbcd|na|nk|none|unknown|notknown|notapplicable|pending|notset|willbe(?:reviewed|confirmed|agreed|set|revised)|awaiting[a-z]*|notyet(?:set|known|agreed|confirmed|decided)|tobe(?:confirmed|revised|completed|agreed|decided|determined|arranged|advised|set|identified|established|discussed|reviewed|finalised|finalized))?$/;
const PLACEHOLDER_NOISE = /[\s\p{P}]+/gu;
const MAX_PLACEHOLDER_LENGTH = 60;
const HAS_DIGIT = /\d/;


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

/**
 * The ways officers write one day, each a pattern and where its year, month and day stand. A
 * day-month-year text is never read month-first; a month-first one names its month, so it cannot
 * be misread.
 */
const DAY_FORMS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [year: string, month: number, day: number]]> = [
  // "2010-03-31", "2010/3/31": year first, so never ambiguous.
  [ISO_DAY, (m) => [m[1], digits(m[2]), digits(m[3])]],
  // "31/03/2010", "31.12.10", "1-4-2009": always day, then month, then year.
  [NUMERIC_DAY, (m) => [m[4], digits(m[3]), digits(m[1])]],
  // "1 st July 2009", "31st March 2010", "1 Apr 09", "31-Mar-2010", "1st of May 2010".
  [TEXT_DAY, (m) => [m[3], monthNumber(m[2]), digits(m[1])]],
  // "March 31 2010", "March 31st, 2010": the month is named, so only a four-digit year is read.
  [MONTH_FIRST_DAY, (m) => [m[3], monthNumber(m[1]), digits(m[2])]],
];

/** One written day, in any of the forms above. */
function parseDay(s: string): Deadline | null {
  for (const [pattern, parts] of DAY_FORMS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const [year, month, day] = parts(m);
    const deadline = dayDeadline(year, month, day);
    if (deadline) return deadline;
  }
  return null;
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

const SEASONS: Readonly<Record<string, number>> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };
const TERMS: Readonly<Record<string, number>> = { spring: 4, summer: 7, autumn: 12, fall: 12 };
const SEASON = /^(spring|summer|autumn|fall|winter)( (?:school )?term)? (\d{4}|\d{2})(?: ?[/-] ?(\d{4}|\d{2}))?$/;
const TWO_MONTHS = new RegExp(`^${MONTH} ?(?:/|&|and|or) ?${MONTH}${SEP}${YEAR}$`);
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
/** Serial days of plausible deadlines: 1 Jan 1960 to 31 Dec 2099. */
const MIN_SERIAL = 21916;
const MAX_SERIAL = 73415;

/**
 * "Summer 2010" (June-August), "Autumn 2010" (to November), "Winter 2010/11" (to February),
 * "Spring 2011" (to May); school terms: "Autumn term 2010" (ends December), "Spring term 2011"
 * (ends April), "Summer term 2011" (ends July). The last day of the last month.
 */
function parseSeason(s: string): Deadline | null {
  const m = SEASON.exec(s);
  if (!m) return null;
  const term = m[2] !== undefined;
  const month = term ? TERMS[m[1]] : SEASONS[m[1]];
  if (month === undefined) return null;
  // Winter runs into the next year: "Winter 2010" and "Winter 2010/11" end in February 2011.
  const yearText = m[4] ?? m[3];
  const year = toYear(yearText);
  if (year === null) return null;
  const endYear = !term && m[1] === "winter" && m[4] === undefined ? year + 1 : year;
  return endYear <= MAX_YEAR ? { deadline: endOfMonth(endYear, month), kind: "month" } : null;
}

/** "June/July 2010", "Feb/Mar 2011": the last day of the later month. */
function parseTwoMonths(s: string): Deadline | null {
  const m = TWO_MONTHS.exec(s);
  if (!m) return null;
  const first = monthNumber(m[1]);
  const second = monthNumber(m[2]);
  const year = toYear(m[3]);
  if (year === null) return null;
  // "Dec/Jan 2011": the later month is January of the year written.
  return second >= first ? monthDeadline(m[3], second) : { deadline: endOfMonth(year, second), kind: "month" };
}

/** A bare number that is an Excel date serial (40602 is 28 Feb 2011). */
function parseSerial(s: string): Deadline | null {
  if (!EXCEL_SERIAL.test(s)) return null;
  const n = +s;
  if (n < MIN_SERIAL || n > MAX_SERIAL) return null;
  const iso = fromExcelSerial(n);
  return iso ? { deadline: iso, kind: "date" } : null;
}

const SINGLE_PARSERS: ReadonlyArray<(s: string) => Deadline | null> = [
  parseDay, parseMonthYear,
  parseFinancialQuarter, parseCalendarQuarter, parseFinancialYear, parseYear,
  parseSeason, parseTwoMonths, parseSerial, parseChristmas,
];

const CHRISTMAS = /^(?:christmas|xmas)(?: day)? (\d{4}|\d{2})$/;

/** "Christmas 2011": 25 December. */
function parseChristmas(s: string): Deadline | null {
  const m = CHRISTMAS.exec(s);
  return m ? dayDeadline(m[1], 12, 25) : null;
}

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
  return typeof text === "string" ? placeholderRemembered(text) : isPlaceholderKey(normalise(asText(text)));
}

const placeholderRemembered = remembered((text: string) => isPlaceholderKey(normalise(text)));

/** True when normalised text, stripped of spaces and punctuation, is a placeholder spelling (none has a digit). */
function isPlaceholderKey(s: string): boolean {
  if (s.length > MAX_PLACEHOLDER_LENGTH || HAS_DIGIT.test(s)) return false;
  return PLACEHOLDER_KEY.test(s.replace(PLACEHOLDER_NOISE, ""));
}

/** "by end of financial year", "year end", "end of year": no year written, so the one the as-of date falls in. */
const RELATIVE_YEAR_END = /^(?:by |before |at )?(?:the )?(?:(?:current |this )?financial year|end of (?:the )?(?:current )?(?:financial |fin\.? )?year|(?:financial |fin\.? )?year[- ]?end|(?:by )?(?:the )?end of (?:the )?fy|fy ?end)$/;
/** The replaced date of a revised timescale: "(revised from Sept 2010)", "(was Dec 10)", "(originally ...)". */
const REPLACED = / ?[([](?:revised|changed|moved|extended|deferred|slipped|put back)? ?(?:from|was|previously|originally|orig\.?|old|formerly)\b[^)\]]*[)\]]/g;
/** "Sept 2010 revised to Dec 2010", "Dec 10 - now Mar 11": the current date is the one after. */
const REVISED_TO = /^.*?\b(?:revised|changed|moved|extended|deferred|slipped|put back|rescheduled|now)\b(?: to| until|:)? ?(.+)$/;
/** "From April 2010", "with effect from 1 May 2010": an open-ended start. */
const OPEN_START = /^(?:from|starting|start|commencing|beginning|with effect from|w\.?e\.?f\.?)\b[ :]*(.+)$/;
/** A date followed by a note in brackets: "nov 11 (revised)", "july 2012 (end of summer term)". */
const TRAILING_NOTE = /^([^()[\]]*\d[^()[\]]*?) ?[([][^()[\]]*[)\]]$/;
/** A placeholder followed by its reason: "TBC (awaiting funding)", "TBC - awaiting funding". */
const PLACEHOLDER_WITH_REASON = /^([a-z/.? ]{1,30}?) ?(?:\(.*\)|[-:;,] .*)$/;

/**
 * Deadline from a Time-scale cell's text (UK conventions, README.md "How statuses are worked out"): a day, the end of
 * a month, season, term, quarter, financial year or year, the end of a range, the current date of
 * a revised one; or no deadline, because the action is ongoing, the timescale is missing, or the
 * text is not understood. "By end of financial year" needs the as-of date (without it: unparsed).
 * Never throws, for any string; linear time.
 */
export function parseTimescale(text: string, asOf?: IsoDate): Deadline {
  // Most of a plan's timescales are wordings it has used before; only "year end" depends on the as-of date.
  const d = parseRemembered(asText(text));
  if (d === RELATIVE) return asOf ? Object.freeze({ deadline: financialYearEndOf(asOf), kind: "financial-year" }) : UNPARSED;
  const quarter = RELATIVE_QUARTERS.indexOf(d);
  return quarter < 0 ? d : asOf ? Object.freeze({ deadline: quarterEndOf(asOf, quarter + 1), kind: "quarter" }) : UNPARSED;
}

/** The answer for "by end of financial year" and the like (it depends on the as-of date); without that date, unparsed. */
const RELATIVE: Deadline = Object.freeze({ deadline: null, kind: "unparsed" }) as Deadline;
const UNPARSED: Deadline = Object.freeze({ ...RELATIVE });
/** The answers for "Q2", "End of Q3" (no year written: the quarter of the financial year the as-of date falls in). */
const RELATIVE_QUARTERS: ReadonlyArray<Deadline> = [1, 2, 3, 4].map(() => Object.freeze({ ...RELATIVE }));
const RELATIVE_QUARTER = /^(?:by |before |at )?(?:the )?(?:end (?:of )?)?(?:q|quarter) ?([1-4])$/;

/** The last day of quarter 1-4 (Q1 April to June) of the financial year a date falls in. */
function quarterEndOf(asOf: IsoDate, quarter: number): IsoDate {
  const end = financialYearEndOf(asOf);
  const startYear = Number(end.slice(0, 4)) - 1;
  return quarter === 4 ? end : endOfMonth(startYear, quarter * 3 + 3);
}

/** Answers are shared between the cells that hold the same text, so none may be changed (they are frozen). */
const parseRemembered = remembered((text: string): Deadline => {
  const d = parseNormalised(normalise(text));
  return d === RELATIVE || RELATIVE_QUARTERS.includes(d) ? d : Object.freeze(d);
});

function parseNormalised(s: string): Deadline {
  if (isPlaceholderKey(s)) return noDeadline("missing");
  const withReason = HAS_DIGIT.test(s) ? null : PLACEHOLDER_WITH_REASON.exec(s);
  if (withReason && isPlaceholderKey(withReason[1])) return noDeadline("missing");
  if (s.length > MAX_EXPRESSION_LENGTH) return noDeadline("unparsed");
  if (RELATIVE_YEAR_END.test(s) || RELATIVE_YEAR_END.test(stripAffixes(s))) return RELATIVE;
  const quarter = RELATIVE_QUARTER.exec(s);
  if (quarter) return RELATIVE_QUARTERS[Number(quarter[1]) - 1];
  const current = currentDate(s);
  // The action recurs or continues ("ongoing", "annually", "every August").
  if (ONGOING.test(current)) return noDeadline("ongoing");
  if (!HAS_DIGIT.test(current)) return noDeadline("unparsed");
  const found = parseSingle(current) ?? parseRange(stripAffixes(current));
  if (found) return found;
  // A note in brackets after the date: "Nov 11 (revised)", "April 2012 (Cabinet date tbc)".
  const noted = TRAILING_NOTE.exec(current)?.[1];
  const beforeNote = noted ? (parseSingle(noted) ?? parseRange(stripAffixes(noted))) : null;
  if (beforeNote) return beforeNote;
  const open = OPEN_START.exec(current);
  if (open && (parseSingle(open[1]) ?? parseRange(open[1]))) return noDeadline("ongoing");
  return noDeadline("unparsed");
}

/** The date a revised timescale now says: the replaced date in brackets dropped, or the one after "revised to". */
function currentDate(s: string): string {
  if (!s.includes("(") && !s.includes("[") && !/revis|chang|mov|exten|defer|slip|put back|resched|now/.test(s)) return s;
  const dropped = s.replace(REPLACED, "").trim();
  const revised = REVISED_TO.exec(dropped);
  if (revised) {
    const after = revised[1].replace(/[)\]]+$/, "").trim();
    if (parseSingle(after) ?? parseRange(stripAffixes(after))) return after;
  }
  return dropped;
}

/** True when a short text reads as a date of any precision (for telling data rows from headings). */
export function looksLikeDate(text: string): boolean {
  if (text.length > 40) return false;
  const d = parseTimescale(text);
  return d.deadline !== null;
}
