/**
 * Calendar dates as ISO strings ("2009-07-01") and the small pure functions on them.
 * No time of day and no time zone: an action's deadline is a day.
 * Internally a day is counted as days since 1970-01-01 (UTC), which makes comparison
 * and arithmetic plain integer work.
 */
import { remembered } from "../common";

/** A calendar day written "YYYY-MM-DD". */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 (serials count from there, past the 1900 leap-year bug). */
const EXCEL_EPOCH_DAY = -25_569;

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** True when year/month/day name a real calendar day (month 1-12). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The ISO date of a calendar day; the caller checks validity with isValidDay. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The 31 March that ends the UK financial year a date falls in (April to March). */
export function financialYearEndOf(date: IsoDate): IsoDate {
  const [y, m] = date.split("-").map(Number);
  return isoDate(m >= 4 ? y + 1 : y, 3, 31);
}

/** The last day of a month (month 1-12). */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Days remembered at most by formatDay: a plan names few distinct days, each asked for many times. */
const MAX_REMEMBERED = 20_000;

/**
 * Days since 1970-01-01 of an ISO date, worked out from its digits by the civil calendar's
 * arithmetic (H. Hinnant's days_from_civil): no Date, no string made, nothing remembered.
 */
export function dayNumber(date: IsoDate): number {
  if (date.length !== 10) return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY);
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const month = digit(5) * 10 + digit(6);
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digit(8) * 10 + digit(9) - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/** The ISO date of a day number. */
export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` days after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** True when text is a well-formed ISO date of a real day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The ISO date of an Excel date serial (the whole-day part), or null outside 1000-9999. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial) + EXCEL_EPOCH_DAY;
  const iso = fromDayNumber(day);
  return isIsoDate(iso) ? iso : null;
}

/** The Excel date serial of an ISO date. */
export function toExcelSerial(date: IsoDate): number {
  return dayNumber(date) - EXCEL_EPOCH_DAY;
}

/** The ISO date of a JS Date, read in UTC (as ExcelJS gives dates). */
export function fromUtcDate(d: Date): IsoDate | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return isIsoDate(iso) ? iso : null;
}

/** "1 Jul 2009" of the dates met so far. */
const dayWordsRemembered = remembered(
  (date: IsoDate) => `${+date.slice(8, 10)} ${MONTH_NAMES[+date.slice(5, 7) - 1].slice(0, 3)} ${+date.slice(0, 4)}`,
  MAX_REMEMBERED,
);

/** "1 Jul 2009": the short UK form used in reasons and reports. */
export function formatDay(date: IsoDate): string {
  return dayWordsRemembered(date);
}

/**
 * The calendar day a clock reading falls on in the officer's own time zone: the one way every
 * shell turns "now" into today (the core never reads the clock; the shells pass `new Date()`).
 */
export function localDay(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
