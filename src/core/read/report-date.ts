/**
 * Report-date lines in the usual wordings (README.md, "How statuses are worked out"): "Progress report Updated 13th May 2009",
 * "Position as at 31/12/10", "Status as at ...", "Data as of ...", "Update: Oct 2010" (a month: its
 * last day), "Quarter 2 monitoring 2010/11", "Q3 update 2010/11" (a financial quarter: its last day).
 * A line is a report-date line when, its report words taken away, all that is left is a date; so a
 * date inside a sentence about something else ("agreed by the Board on 14 June 2010") is none. A
 * label set off by a spaced dash is no part of the date: "Progress report Updated 13th May 2009 -
 * Prevention", "Corporate Plan - Position at 30 Sep 2011".
 */
import type { IsoDate } from "../dates";
import { remembered } from "../common";
import { parseTimescale } from "./timescale";

/** Words that say a line dates the report. */
const REPORT_WORD = /\b(?:report(?:ing)?|updated?|position|status|data|monitoring|progress|review(?:ed)?|as (?:at|of)|period|highlight|snapshot|return|date)\b/;
/** Lines about a date to come, not the report's: "Next review: 31/03/2011", "Date of next meeting ...". */
const FUTURE = /\bnext\b|\bdue\b|\bdeadline\b/;
/** Words of report-date lines, taken away before what is left is read as a date. */
const REPORT_WORDS = /\b(?:(?:quarterly|monthly|annual|progress|performance|monitoring|highlight|exception|status|update|position)\s+(?:report|update|statement|return)|report(?:ing)?(?: date| period)?|date of (?:report|update)|last updated|updated?|position(?: statement)?|status|data|monitoring|progress|reviewed?|period(?: ending| to)?|snapshot|return|as (?:at|of|on)|at|of|on|for|date|ending|to)\b/g;
const REPORT_WORD_ANY_CASE = new RegExp(REPORT_WORD.source, "i");
const NOISE = /[:,;|()*]+|^\s*[-–—]+|[-–—]+\s*$/g;
/** The longest line read as a report-date line. */
export const MAX_REPORT_LINE = 100;

/** The date a report-date line gives (a month or a quarter gives its last day), or null when the line is not one. */
export function reportDateOf(text: string): IsoDate | null {
  if (text.length > MAX_REPORT_LINE || !/\d/.test(text) || !REPORT_WORD_ANY_CASE.test(text)) return null;
  // A plan repeats its report-date line after each page break.
  return reportDateRemembered(text);
}

const reportDateRemembered = remembered((text: string): IsoDate | null => {
  const t = text.toLowerCase().replace(/[\s\u00a0]+/g, " ").replace(/[\u2010-\u2015]/g, "-").trim();
  if (!REPORT_WORD.test(t) || FUTURE.test(t)) return null;
  const rest = t.replace(REPORT_WORDS, " ").replace(NOISE, " ").replace(/\s+/g, " ").trim().replace(/^[-–—\s]+|[-–—\s]+$/g, "");
  if (rest === "") return null;
  const whole = dateOfRest(rest);
  if (whole !== null) return whole;
  const dated = rest.split(/\s[-–—]\s/).map((part) => dateOfRest(part.trim())).filter((d) => d !== null);
  return dated.length === 1 ? dated[0] : null;
});

function dateOfRest(rest: string): IsoDate | null {
  const d = parseTimescale(rest);
  return d.deadline !== null && (d.kind === "date" || d.kind === "month" || d.kind === "quarter") ? d.deadline : null;
}
