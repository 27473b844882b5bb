/**
 * Report-date lines (SPEC section 4) in the usual wordings: "Progress report Updated 13th May 2009",
 * "Position as at 31/12/10", "Status as at ...", "Data as of ...", "Last update: 30/09/2024",
 * "Update: Oct 2010" (a month: its last day), "Quarter 2 monitoring 2010/11", "Q3 update 2010/11" (a
 * financial quarter: its last day).
 *
 * A line is a report-date line when, its report words taken away, all that is left is a date; so a
 * date inside a sentence about something else ("agreed by the Board on 14 June 2010") is none, nor
 * is a date to come ("Next review: 31/03/2011"). Besides:
 * - A label set off by a spaced dash is no part of the date: "Progress report Updated 13th May 2009 -
 *   Prevention", "Corporate Plan - Position at 30 Sep 2011".
 * - On a short line (at most 60 characters), a label of at most three words without digits may stand
 *   before the first report word, and the rest is read as above: "Performance as at 30 September
 *   2024", "RAG status as at 30/09/2024", "Tracker updated: 28th February 2024", "Termly progress
 *   review: 17th January 2025". A label names what the report is of; before "date", "return",
 *   "period" or "review" it names an event instead ("Launch event date: 14 June 2010", "Consultation
 *   period ending 30 June 2011"), so those words take no label.
 * - A line of parts, set apart by "|" or by line breaks within one cell ("CYPP Delivery Plan |
 *   Version 4 | Last updated: 03/10/11 | Page 1 of 2", "Plan 2011-14\nLast updated: 03/10/11"),
 *   gives the date of its one part that is a report-date line; with two such parts, or none, none.
 * Inside a table, where most lines are progress comments, the reader reads a line as it stands
 * (reportLineOf with `inTable`): no label is dropped ("Board report 12/10/2010" is a comment) and a
 * cell's lines are read as one ("Partners signed.\nLast updated 12/10/2010" is a comment); parts
 * set apart by "|" are still read (a footer repeated after a page break).
 *
 * Pure and total: any string in, never an exception; linear time (each pattern is anchored or
 * free of nested repeats, and the text is bounded).
 */
import type { IsoDate } from "../dates";
import { remembered } from "../common";
import { parseTimescale } from "./timescale";

/** Words that say a line dates the report. */
const REPORT_WORD = /\b(?:report(?:ing)?|updated?|position|status|data|monitoring|progress|review(?:ed)?|as (?:at|of)|period|highlight|snapshot|return|date)\b/;
/** Lines about a date to come, not the report's: "Next review: 31/03/2011", "Date of next meeting ...". */
const FUTURE = /\bnext\b|\bdue\b|\bdeadline\b/;
/** Words of report-date lines, taken away before what is left is read as a date. */
const REPORT_WORDS = /\b(?:(?:quarterly|monthly|annual|progress|performance|monitoring|highlight|exception|status|update|position)\s+(?:report|update|statement|return|review)|report(?:ing)?(?: date| period)?|date of (?:report|update)|last updated?|updated?|position(?: statement)?|status|data|monitoring|progress|reviewed?|period(?: ending| to)?|snapshot|return|as (?:at|of|on)|at|of|on|for|date|ending|to)\b/g;
/** The report words a label may stand before: all but "date", "return", "period" and "review". */
const LABEL_ANCHOR = /\b(?:report(?:ing)?|updated?|position|status|data|monitoring|progress|reviewed|as (?:at|of)|highlight|snapshot)\b/;
const REPORT_WORD_ANY_CASE = new RegExp(REPORT_WORD.source, "i");
const NOISE = /[:,;|()*]+|^\s*[-–—]+|[-–—]+\s*$/g;
const HAS_DIGIT = /\d/;
/** Where the parts of a line part: "|", or a line break within a cell; inside a table only "|". */
const PART_BREAK = /[|\n\r]/;
const TABLE_PART_BREAK = /\|/;
/** A stamp: "Updated: 7th October 2011", "Last updated 3 October 2011", "Update on 30/09/2024". */
const STAMP = /^(?:last )?updated?(?: on)?(?: ?[:-])? ?/;
/** What no stamp holds after its date: a colon, a bracket, or a dash at the end (a comment follows). */
const NOT_A_STAMP = /[:()[\]]|-$/;
/** The longest line read as a report-date line (or part of one). */
export const MAX_REPORT_LINE = 100;
/** The longest line a label may open: the label rule is for short title lines. */
const MAX_LABEL_LINE = 60;
/** The most words a label holds. */
const MAX_LABEL_WORDS = 3;
/** The longest text read part by part (a cell of a few lines). */
const MAX_PARTS_TEXT = 300;

/** A report-date line read: its date, and the line's first part without a date when the date stood in another part (a title beside it). */
export interface ReportLine {
  readonly date: IsoDate;
  readonly besides: string;
}

/** The date a report-date line gives (a month or a quarter gives its last day), or null when the line is not one. */
export function reportDateOf(text: string): IsoDate | null {
  return reportLineOf(text)?.date ?? null;
}

/**
 * The report-date line a text is, or null: a cell's own text, with the line breaks that may set
 * apart its parts. `inTable`: read as a line inside a table, as it stands (no label dropped, a
 * cell's lines read as one).
 */
export function reportLineOf(text: string, inTable = false): ReportLine | null {
  if (typeof text !== "string" || text.length > MAX_PARTS_TEXT || !HAS_DIGIT.test(text) || !REPORT_WORD_ANY_CASE.test(text)) return null;
  // A plan repeats its report-date line after each page break.
  return inTable ? inTableRemembered(text) : plainRemembered(text);
}

const plainRemembered = remembered((text: string) => readLine(text, false));
const inTableRemembered = remembered((text: string) => readLine(text, true));

/** Lower case, single spaces, plain dashes, trimmed. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, " ").replace(/[\u2010-\u2015]/g, "-").trim();
}

/** The whole line read as one, else its one part that is a report-date line, with the first other part beside it. */
function readLine(text: string, inTable: boolean): ReportLine | null {
  const whole = lineDate(normalise(text), !inTable);
  if (whole !== null) return Object.freeze({ date: whole, besides: "" });
  const breaks = inTable ? TABLE_PART_BREAK : PART_BREAK;
  if (!breaks.test(text)) return null;
  let date: IsoDate | null = null;
  let besides = "";
  for (const part of text.split(breaks)) {
    const d = lineDate(normalise(part), !inTable);
    if (d === null) {
      if (besides === "") besides = part.replace(/[\s\u00a0]+/g, " ").trim();
    } else if (date !== null) return null;
    else date = d;
  }
  return date === null ? null : Object.freeze({ date, besides });
}

/** The date of one normalised line, read with its report words taken away, or with a short label dropped first. */
function lineDate(t: string, labels: boolean): IsoDate | null {
  if (t.length > MAX_REPORT_LINE || !HAS_DIGIT.test(t) || !REPORT_WORD.test(t) || FUTURE.test(t)) return null;
  const plain = restDate(t);
  if (plain !== null || !labels || t.length > MAX_LABEL_LINE) return plain;
  const anchor = LABEL_ANCHOR.exec(t);
  if (anchor === null || anchor.index === 0) return null;
  const label = t.slice(0, anchor.index).trim();
  if (HAS_DIGIT.test(label) || label.split(" ").length > MAX_LABEL_WORDS) return null;
  return restDate(t.slice(anchor.index));
}

/** The date left when the report words are taken away: the whole rest, or its one dated part between spaced dashes. */
function restDate(t: string): IsoDate | null {
  const rest = t.replace(REPORT_WORDS, " ").replace(NOISE, " ").replace(/\s+/g, " ").trim().replace(/^[-–—\s]+|[-–—\s]+$/g, "");
  if (rest === "") return null;
  const whole = dateOfRest(rest);
  if (whole !== null) return whole;
  const dated = rest.split(/\s[-–—]\s/).map((part) => dateOfRest(part.trim())).filter((d) => d !== null);
  return dated.length === 1 ? dated[0] : null;
}

function dateOfRest(rest: string): IsoDate | null {
  const d = parseTimescale(rest);
  return d.deadline !== null && (d.kind === "date" || d.kind === "month" || d.kind === "quarter") ? d.deadline : null;
}

/**
 * True when the text, or one of its parts set apart by "|", is a stamp: "Updated" or "Last updated"
 * and a date with nothing after it ("Updated: 7th October 2011", "Last updated 3 October 2011"). A
 * progress comment goes on to say what happened ("Updated 1 May 2009 - partners signed"), so it is
 * none; nor is a cell of several lines (a comment of several entries).
 */
export function isDateStamp(text: string): boolean {
  if (typeof text !== "string" || text.length > MAX_PARTS_TEXT || !HAS_DIGIT.test(text) || !/update/i.test(text)) return false;
  return text.split(TABLE_PART_BREAK).some((part) => stampDate(normalise(part)) !== null);
}

function stampDate(t: string): IsoDate | null {
  const m = t.length <= MAX_REPORT_LINE ? STAMP.exec(t) : null;
  if (m === null) return null;
  const rest = t.slice(m[0].length).replace(/\.$/, "").trim();
  return rest === "" || NOT_A_STAMP.test(rest) ? null : dateOfRest(rest);
}
