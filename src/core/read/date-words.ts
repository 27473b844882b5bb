/**
 * The parts dates are written with, and the small readings of them, shared by the timescale
 * grammar (timescale.ts) and the dates found inside free text (free-dates.ts).
 */
import { endOfMonth, isValidDay, isoDate } from "../dates";
import type { Deadline } from "../model";

/** Years a plan deadline can plausibly fall in; two-digit years land in 2000-2099. */
const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;

/** Month names as typed: full, three-letter, "Sept", "Febuary", with an optional dot. */
export const MONTH = "(jan(?:uary)?|feb(?:r?uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A day of the month with an optional ordinal, also written apart: "1st", "1 st", "30 th". */
export const DAY = "(\\d{1,2})(?: ?(?:st|nd|rd|th))?";
/** A year: four digits or two. */
export const YEAR = "(\\d{4}|\\d{2})";
/** Between the parts of a written date: "31 March 2010", "31-Mar-2010", "31.Mar.10", "Mar '10". */
export const SEP = "[ ,\\-/.']{0,3}";

const SPACES = /[\s\u200b\ufeff]+/g;
/** Any character normalise would change, other than case: the common text needs none of its replacements. */
const NEEDS_CLEANING = /[^\S ]| {2}|[\u200b\ufeff\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2018\u2019\u201b\u2032]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const QUOTES = /[\u2018\u2019\u201b\u2032]/g;

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** A deadline-less answer of the given kind. */
export function noDeadline(kind: "ongoing" | "missing" | "unparsed"): Deadline {
  return { deadline: null, kind };
}

/** The text of any value, without throwing (a cell may hand over something that is not a string). */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** One line, single spaces, plain dashes and quotes, lower case, trimmed. */
export function normalise(text: string): string {
  const clean = NEEDS_CLEANING.test(text) ? text.replace(SPACES, " ").replace(DASHES, "-").replace(QUOTES, "'") : text;
  return clean.toLowerCase().trim();
}

/** The value of a run of decimal digits (NaN for anything else). */
export function digits(text: string): number {
  return +text;
}

/** A written year as a number: two digits are 20xx; null outside the plausible years. */
export function toYear(text: string): number | null {
  const n = digits(text);
  const year = text.length === 2 ? 2000 + n : n;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** The number (1-12) of a month name as typed ("Sept", "march", "Febuary"). */
export function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.slice(0, 3)] ?? 0;
}

/** A day-precision deadline, or null when the day does not exist ("31/02/2010"). */
export function dayDeadline(yearText: string, month: number, day: number): Deadline | null {
  const year = toYear(yearText);
  if (year === null || !isValidDay(year, month, day)) return null;
  return { deadline: isoDate(year, month, day), kind: "date" };
}

/** The last day of a month as a deadline, or null for an impossible month or year. */
export function monthDeadline(yearText: string, month: number): Deadline | null {
  const year = toYear(yearText);
  if (year === null || month < 1 || month > 12) return null;
  return { deadline: endOfMonth(year, month), kind: "month" };
}
