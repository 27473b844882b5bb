/** Reading the officers' progress: the Progress column's words and their own traffic-light words. */
import type { Progress, StatusWord } from "../model";

/** Progress words, least favourable first: where several match, the least favourable wins. */
const PROGRESS_WORDS: ReadonlyArray<readonly [Exclude<Progress, "not-reported">, RegExp]> = [
  ["stalled", /\bstalled\b|\bblocked\b|\bnot (?:yet )?started\b|\bno progress\b|\bon hold\b/],
  ["slow", /\bslow(?:ly)?\b|\bbehind\b|\bdelayed\b|\bat risk\b|\boverdue\b/],
  ["on-track", /\bon track\b|\bon target\b|\bin progress\b/],
  ["complete", /\bcompleted?\b|\bdone\b|\bachieved\b/],
];

const STATUS_TO_PROGRESS: Readonly<Record<StatusWord, Progress>> = {
  red: "stalled",
  amber: "slow",
  green: "on-track",
};

/** The dropdown values offered in the Progress column. */
export const PROGRESS_CHOICES: ReadonlyArray<string> = ["Complete", "On track", "Slow", "Stalled"];

/**
 * The progress a Progress-column cell states, by the words it contains, or null when it states none.
 * A traffic-light word alone ("Amber") is read as the officer's own status.
 */
export function readProgressText(text: string): Exclude<Progress, "not-reported"> | null {
  const t = text.toLowerCase().replace(/[\s\u00a0]+/g, " ");
  if (t.trim() === "") return null;
  for (const [progress, re] of PROGRESS_WORDS) if (re.test(t)) return progress;
  const word = lastStatusWord(t);
  return word ? (STATUS_TO_PROGRESS[word] as Exclude<Progress, "not-reported">) : null;
}

/** The progress an officer's traffic-light word stands for: Green on track, Amber slow, Red stalled. */
export function progressOfStatusWord(word: StatusWord): Progress {
  return STATUS_TO_PROGRESS[word];
}

const STATUS_WORD = /\b(red|amber|green)\b/gi;

/** The last whole traffic-light word in a text ("Redland" is none), or null. */
export function lastStatusWord(text: string): StatusWord | null {
  let found: StatusWord | null = null;
  for (const m of text.matchAll(STATUS_WORD)) found = m[1].toLowerCase() as StatusWord;
  return found;
}
