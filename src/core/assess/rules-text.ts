/**
 * "How statuses are worked out": the RAG rules in plain words, the one wording of them. The pane's
 * help section shows these lines with the officer's settings, and README.md quotes them with the
 * defaults (a test holds the two together, and holds each line to computeRag in rag.ts, where the
 * rules themselves live).
 */
import { plural } from "../common";
import type { Rag } from "../model";
import { RAG_WORDS } from "./rag";

export interface RuleLine {
  rag: Rag;
  word: string;
  text: string;
}

/** One line per status, in the order the rules are tried, worded with the officer's current settings. */
export function ruleLines(amberWindowDays: number, brag: boolean): RuleLine[] {
  const days = plural(amberWindowDays, "day");
  const lines: RuleLine[] = [];
  if (brag) {
    lines.push({ rag: "blue", word: RAG_WORDS.blue, text: "The action is complete (Blue-Red-Amber-Green is switched on)." });
  }
  lines.push(
    {
      rag: "red",
      word: RAG_WORDS.red,
      text: `The deadline has passed and the action is not complete; or progress has stalled and the deadline is ${days} away or less.`,
    },
    {
      rag: "amber",
      word: RAG_WORDS.amber,
      text: `Progress is slow; or progress has stalled with more than ${days} to the deadline (or no deadline); or nobody has reported progress and the deadline is ${days} away or less.`,
    },
    {
      rag: "green",
      word: RAG_WORDS.green,
      text: brag ? "Progress is on track and the deadline, if any, has not passed." : "The action is complete; or progress is on track and the deadline, if any, has not passed.",
    },
    {
      rag: "not-reported",
      word: RAG_WORDS["not-reported"],
      text: `Nobody has reported progress and the deadline is more than ${days} away, or there is no deadline.`,
    },
    {
      rag: "closed",
      word: RAG_WORDS.closed,
      text: "The action was withdrawn, cancelled, superseded or merged into another before it was complete; it is listed apart and left out of the percentages.",
    },
  );
  return lines;
}

/** The paragraphs around the rule lines. */
export const RULES_INTRO =
  "Each action gets its status from three things: its deadline (read from the Time-scale column), its progress, and the as-of date at the top of this pane. The first rule that fits wins.";

export const PROGRESS_TEXT =
  "An action is complete where a Date completed column (or Completed Y/N) records it done by the report date. Otherwise progress is read from the Progress column where the sheet has one (complete, on track, slow, stalled, closed), as phrases: \"not complete\" and \"partially complete\" are not complete, \"not on track\" is slow, \"completed late\" and \"Closed - complete\" are complete, and where several phrases fit the least favourable wins.";

/** Where progress comes from when the Progress column says nothing. */
export const PROGRESS_FALLBACK_TEXT =
  "Where the sheet has no Progress column, or one still empty (as after Refresh RAG adds it), a cell of the action's row that holds only a status (\"DONE\") counts, else the status word an officer wrote on the action is used: \"Amber 3.1.1\" in the Ref cell, or Red, Amber or Green in the latest progress comment (Green means on track, Amber slow, Red stalled).";

/** The add-in's own RAG column. */
export const RAG_COLUMN_TEXT =
  "The add-in's own RAG column is never read as progress: a column headed RAG is where the add-in writes, so a rating typed there (\"G\", \"A/G\") is written over, and Check layout lists such cells beforehand. Put your own colour in the Progress column instead, where G, A or R counts.";

export const DEADLINE_TEXT =
  "Deadlines are read the UK way, day before month: \"31/03/2010\" is 31 March. A month (\"March 2010\", or a date Excel shows as one, \"Mar-10\") means its last day; a quarter or financial year (\"Q3 2009/10\", \"2009/10\") means its last day, with Q1 as April to June; a quarter with no year (\"End of Q3\") is that quarter of the financial year the report date falls in. \"Ongoing\" and \"annually\" have no deadline; \"???\" or \"TBC\" count as missing and are listed as issues.";

export const DISAGREE_TEXT =
  "Where the officer's own word differs from the worked-out status, the action shows \"officer says …\" so the difference can be discussed before the board sees it.";
