/** The RAG rules (README.md, "How statuses are worked out"), first match wins, each status with its reason in words. */
import { capitalise, plural } from "../common";
import { daysBetween, formatDay, type IsoDate } from "../dates";
import type { Progress, Rag } from "../model";
import type { Deadline } from "../model";

export interface RagInput {
  deadline: Deadline;
  progress: Progress;
  asOf: IsoDate;
  amberWindowDays: number;
  brag: boolean;
  /** Where the progress was read, when it was not the Progress column: "officer's Amber before the ref". */
  progressFrom?: string;
  /** How the officers closed the action ("withdrawn", "superseded by 4.2.1"), for the reason. */
  closedAs?: string;
}

export interface RagResult {
  rag: Rag;
  reason: string;
}

const PROGRESS_WORDS: Readonly<Record<Progress, string>> = {
  complete: "complete",
  "on-track": "on track",
  slow: "progress slow",
  stalled: "progress stalled",
  closed: "closed",
  "not-reported": "no progress reported",
};

/** "deadline 1 Jul 2009", "ongoing, no deadline", "no timescale": the deadline in words. */
export function deadlineInWords(deadline: Deadline): string {
  if (deadline.deadline) return `deadline ${formatDay(deadline.deadline)}`;
  if (deadline.kind === "ongoing") return "ongoing, no deadline";
  if (deadline.kind === "unparsed") return "timescale not understood";
  return "no timescale";
}

/** "Complete", "On track", ...: how the reason opens for each progress. */
const PROGRESS_OPENINGS = Object.fromEntries(Object.entries(PROGRESS_WORDS).map(([p, w]) => [p, capitalise(w)])) as Readonly<Record<Progress, string>>;

/** The status of one action and why. */
export function computeRag(input: RagInput): RagResult {
  const { deadline, progress, asOf, amberWindowDays, brag } = input;
  const d = deadline.deadline;
  const daysLeft = d === null ? null : daysBetween(asOf, d);
  const within = daysLeft !== null && daysLeft <= amberWindowDays;
  if (progress === "closed") return { rag: "closed", reason: `Closed${input.closedAs ? `: ${input.closedAs}` : ""}; not counted in the percentages` };
  const when = deadlineInWords(deadline);
  const stated = input.progressFrom ? `${PROGRESS_OPENINGS[progress]} (${input.progressFrom})` : PROGRESS_OPENINGS[progress];
  if (progress === "complete") return { rag: brag ? "blue" : "green", reason: `${stated}; ${when}` };
  if (daysLeft !== null && daysLeft < 0) return { rag: "red", reason: `${capitalise(when)} passed; not complete` };
  if (progress === "stalled" && within) {
    return { rag: "red", reason: `${stated} with ${when} ${dueIn(daysLeft)}; insufficient progress` };
  }
  if (progress === "stalled" || progress === "slow" || progress === "on-track") {
    return { rag: progress === "on-track" ? "green" : "amber", reason: `${stated}; ${when}` };
  }
  if (within) return { rag: "amber", reason: `${capitalise(when)} ${dueIn(daysLeft)}; no progress reported` };
  return { rag: "not-reported", reason: `No progress reported; ${when}` };
}

function dueIn(days: number | null): string {
  if (days === 0) return "is today";
  return `is in ${plural(days ?? 0, "day")}`;
}

/** The word written in a RAG cell for each status (colour is never the only signal). */
export const RAG_WORDS: Readonly<Record<Rag, string>> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue",
  "not-reported": "Not reported",
  closed: "Closed",
};

/** Order of severity for sorting: Red first. */
export const RAG_ORDER: ReadonlyArray<Rag> = ["red", "amber", "green", "blue", "not-reported", "closed"];

/** The status a RAG cell's word names, or null ("Red", "RED", "not reported"). */
export function ragOfWord(text: string): Rag | null {
  const t = text.trim().toLowerCase();
  for (const rag of RAG_ORDER) if (RAG_WORDS[rag].toLowerCase() === t) return rag;
  return null;
}

/** Counts of actions by status, every status present (0 where none). */
export function countByRag(actions: ReadonlyArray<{ rag: Rag }>): Record<Rag, number> {
  const counts = Object.fromEntries(RAG_ORDER.map((r) => [r, 0])) as Record<Rag, number>;
  for (const a of actions) counts[a.rag]++;
  return counts;
}
