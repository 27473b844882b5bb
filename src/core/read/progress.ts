/**
 * Reading the officers' progress as phrases, not loose words: "not complete" is not complete,
 * "not on track" is slow, the least favourable phrase wins, a status the text puts in the past
 * ("was Red; now Amber") does not count, and an action withdrawn, cancelled or superseded is closed.
 */
import type { IsoDate } from "../dates";
import type { Progress, StatusWord } from "../model";
import { remembered } from "../common";
import { parseTimescale } from "./timescale";

type Stated = Exclude<Progress, "not-reported">;
type Phrase = Exclude<Stated, "closed">;

/** The words that say the action is complete. */
const COMPLETE = "complete[d]?|done|achieved|delivered|finished|fully (?:complete[d]?|implemented|achieved)|implemented|signed off";

/**
 * Lateness right after a completion says how it was completed, not that it is slow: "Completed
 * late", "Complete (late)", "Done - 2 weeks late", "Completed behind schedule". Only a few
 * separators and an amount may stand between, so "Completed phase 1 but phase 2 delayed" is still
 * slow, and lateness before it ("Late - not yet complete") is untouched. Every part is bounded, so
 * the pattern stays linear.
 */
const LATENESS_AFTER =
  "[ ,:;(\\[–—-]{1,4}(?:but |although |though |albeit |if )?" +
  "(?:(?:\\d{1,3}|an?|one|two|three|four|five|six|a few|few|several|some) (?:days?|weeks?|months?|quarters?|years?) |slightly |a (?:little|bit) |very |rather |somewhat )?" +
  "(?:late|later than (?:planned|scheduled|expected|intended)|behind (?:schedule|target|plan|time|programme)|delayed|overdue|(?:after|past) (?:the )?(?:deadline|due date|target date)|with (?:a |some )?(?:slight |short )?delays?)";

/** The phrases of each progress, as whole words. */
const PHRASES: ReadonlyArray<readonly [Phrase, string]> = [
  ["stalled", "stalled|stuck|blocked|not (?:yet )?(?:been )?started|yet to (?:be )?start(?:ed)?|no progress|on hold|paused|suspended|not begun|not commenced|halted|abandoned"],
  ["slow", "slow(?:ly)?|behind(?: schedule| target| plan)?|delayed|delays?|at risk|overdue|slipp(?:ed|ing|age)|late|off (?:track|target)|concerns?|some issues|problems?|not on (?:track|target|schedule)|not progressing"],
  ["on-track", "on (?:track|target|schedule|course|plan)|ahead of (?:schedule|target|plan)|in progress|progressing|on ?-?going|under ?way|started|begun|in hand|as planned|open|active|not (?:yet )?due|partially (?:complete[d]?|achieved|done|delivered)|partly (?:complete[d]?|achieved|done|delivered)|part (?:complete[d]?|achieved)|(?:largely|mostly|nearly|almost|substantially) (?:complete[d]?|achieved|done|delivered)|not (?:yet )?(?:complete[d]?|achieved|done|finished|delivered)|incomplete|uncompleted|not (?:delayed|behind|at risk|stalled)|no (?:delays?|concerns|issues)"],
  ["complete", `(?:${COMPLETE})(?:${LATENESS_AFTER})?`],
];

/** Order from least to most favourable: where several phrases match, the first of these wins. */
const RANK: ReadonlyArray<Phrase> = ["stalled", "slow", "on-track", "complete"];

/** Words that put what follows in the past, or name what it replaced: "was", "previously", "from". */
const PAST = "(?:was|were|previously|formerly|originally|had been|last (?:time|quarter|month|report|update)|changed from|moved from|from)";

const PHRASE_RE = new RegExp(
  `(?:^|[^a-z])(${PAST}[ :]+)?(?:(${RANK.map((p) => PHRASES.find(([k]) => k === p)?.[1]).map((s) => `(?:${s})`).join(")|(")}))(?![a-z])`,
  "g",
);

/**
 * Closure of the action itself: a clause that opens with a closing word ("Withdrawn", "Superseded
 * by 4.2.1", "Action cancelled", "No longer required", "Merged into 3.2"). A closing word later in a
 * clause is about something else ("On hold - funding withdrawn").
 */
const CLOSURE = /^(?:(?:this |the )?action (?:has been |was |is )?|now |been )?(?:withdrawn|cancell?ed|superseded|deleted|removed|dropped|discontinued|closed|no longer (?:required|needed|relevant|applicable)|not (?:required|needed) (?:any ?more|now)|merged (?:with|into)|combined with|replaced by|subsumed)\b/;
/** Where a clause ends. */
const CLAUSES = /\s*(?:[;,.:()[\]!?]|\s[-–—]\s|\bbut\b|\band\b|\bhowever\b)\s*/;

/** Traffic-light words and letters an officer writes alone: "Amber", "G", "RAG: Amber", "A/G". */
const COLOUR_ALONE = /^(?:(?:rag|status|rating|brag)\s*[:=-]?\s*)?(red|amber|green|blue|r|a|g|b)(?:\s*[/-]\s*(red|amber|green|r|a|g))?$/;
const LETTER_COLOUR: Readonly<Record<string, StatusWord | "blue">> = { r: "red", a: "amber", g: "green", b: "blue" };

const STATUS_TO_PROGRESS: Readonly<Record<StatusWord, Phrase>> = {
  red: "stalled",
  amber: "slow",
  green: "on-track",
};

/** A share done: "50%", "100 %", "75% complete". */
const PERCENT = /^(\d{1,3}(?:\.\d+)?) ?%(?: ?(?:complete[d]?|done))?$/;

/** 100% done is complete, 0% not started, anything between under way. */
function percentProgress(n: number): Stated | null {
  if (n > 100) return null;
  return n >= 100 ? "complete" : n <= 0 ? "stalled" : "on-track";
}

/** The dropdown values offered in the Progress column. */
export const PROGRESS_CHOICES: ReadonlyArray<string> = ["Complete", "On track", "Slow", "Stalled", "Closed"];

const UNTIDY = /[^\S ]| {2}|[‘’]/;

function normalise(text: string): string {
  const lower = text.toLowerCase();
  return UNTIDY.test(lower) ? lower.replace(/[\s\u00a0]+/g, " ").replace(/[‘’]/g, "'").trim() : lower.trim();
}

function colourAlone(t: string): Stated | null {
  const m = COLOUR_ALONE.exec(t);
  if (!m) return null;
  // "Amber/Green": the less favourable of the two.
  const colours = [m[1], m[2]].filter((c): c is string => c !== undefined).map((c) => (c.length === 1 ? LETTER_COLOUR[c] : c));
  const progress = colours.map((c) => (c === "blue" ? "complete" : STATUS_TO_PROGRESS[c as StatusWord]));
  return progress.sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))[0] ?? null;
}

/** Emoji, ticks, crosses, bullets and other marks before a clause's first word ("❌ Cancelled", "- Withdrawn"). */
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

/** The clauses of a normalised text, each without the marks before its first word. */
function clausesOf(t: string): string[] {
  return t.split(CLAUSES).map((clause) => clause.replace(LEADING_MARKS, ""));
}

/** True when a clause of the text closes the action itself. */
export function isClosure(text: string): boolean {
  const t = normalise(text);
  if (!/withdr|cancel|supersed|delet|remov|dropp|discontinu|closed|no longer|not (?:required|needed)|merged|combined|replaced|subsum/.test(t)) return false;
  return clausesOf(t).some((clause) => CLOSURE.test(clause));
}

/**
 * A clause that opens by saying the action is complete ("complete", "Delivered", "action
 * completed", "closed as complete"): beside a closing word, the action was closed because it was
 * done, not withdrawn before it was ("Closed - complete", "Complete - closed").
 */
const COMPLETION_CLAUSE = new RegExp(
  `^(?:(?:this |the )?action |it |all )?(?:(?:has |have )?been |was |is |now |(?:closed|signed off) (?:as |now )?)*(?:${COMPLETE})(?![a-z])`,
);

/** The phrases a text states, least favourable first, with past ones left out. */
function statedPhrase(t: string): Phrase | null {
  let best = -1;
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(t); m; m = PHRASE_RE.exec(t)) {
    if (m[1] !== undefined) continue;
    const rank = [m[2], m[3], m[4], m[5]].findIndex((g) => g !== undefined);
    if (best === -1 || rank < best) best = rank;
    if (best === 0) break;
  }
  if (best >= 0) return RANK[best];
  const word = lastStatusWord(t);
  return word ? STATUS_TO_PROGRESS[word] : null;
}

/**
 * The progress a Progress-column cell states, read as phrases, or null when it states none.
 * A traffic-light word or letter alone is the officer's own colour (Green on track, Amber slow,
 * Red stalled; Blue complete).
 */
export function readProgressText(text: string): Stated | null {
  return readProgressRemembered(text);
}

const readProgressRemembered = remembered((text: string): Stated | null => {
  const t = normalise(text);
  if (t === "") return null;
  // The answer in a "Complete?" or "Done?" column.
  if (YES.test(t)) return "complete";
  const percent = PERCENT.exec(t);
  if (percent) return percentProgress(+percent[1]);
  const colour = colourAlone(t);
  if (colour) return colour;
  const stated = statedPhrase(t);
  if (isClosure(t) && !(stated === "complete" && clausesOf(t).some((clause) => COMPLETION_CLAUSE.test(clause)))) return "closed";
  return stated;
});

/** A yes or a no an officer writes in a "Complete?" or "Done?" column. */
const YES = /^(?:y|yes)\.?$/;
const NO = /^(?:n|no)\.?$/;

/** True when a Progress cell answers no ("No", "N" in a "Complete?" column): no progress stated, but nothing unknown either. */
export function answersNo(text: string): boolean {
  return NO.test(normalise(text));
}

/** A mark that records an action done in a Completed column: a yes, a tick, a word of completion. */
const DONE_MARK = /^(?:y|yes|done|complete[d]?|achieved|delivered|closed|[✓✔☑x])\.?$/;

/**
 * True when a cell of a Completed column ("Date completed", "Completed (Y/N)") records the action
 * done by the as-of date: a day (or month) on or before it, or a yes or a tick.
 */
export function completionRecorded(text: string, asOf: IsoDate): boolean {
  const t = normalise(text);
  if (t === "") return false;
  if (DONE_MARK.test(t)) return true;
  const d = parseTimescale(t);
  const from = d.kind === "date" ? d.deadline : d.kind === "month" && d.deadline ? `${d.deadline.slice(0, 8)}01` : null;
  return from !== null && from <= asOf;
}

/** Stems of every status phrase and colour: a text with none of them states no status (a cheap first test). */
const STATUS_STEMS = /%|due|open|activ|complet|done|achiev|deliver|finish|track|target|schedul|progress|going|way|start|begun|slow|behind|delay|risk|overdue|slip|late|stall|stuck|block|hold|paus|suspend|commenc|halt|abandon|withdr|cancel|supersed|delet|dropp|discontinu|closed|longer|merg|red|amber|green|blue|^\W*[rgab]\W*$/i;

/** Words a status-only cell may hold besides its phrase. */
const FILLER = /\b(?:status|progress|rag|now|currently|action|yes|fully|is|has been|\d{1,3} ?%)\b|[^a-z\s]/g;

/** A closing word a status-only cell may hold beside its completion ("Closed - complete"). */
const CLOSING_WORD = /\b(?:closed|withdrawn|cancell?ed|superseded)(?: as)?\b/g;

/**
 * The progress of a cell whose whole text is a status ("DONE", "Complete", "In progress", "On
 * going", "Withdrawn"), or null: a cell that says more than its status is not read this way.
 */
export function readStatusOnly(text: string): Stated | null {
  if (text.length > 40 || !STATUS_STEMS.test(text)) return null;
  return readStatusOnlyRemembered(text);
}

const readStatusOnlyRemembered = remembered((text: string): Stated | null => {
  const t = normalise(text);
  if (t === "" || t.length > 30) return null;
  const progress = readProgressText(t);
  if (progress === null || progress === "closed") return progress;
  PHRASE_RE.lastIndex = 0;
  const rest = t.replace(PHRASE_RE, " ").replace(FILLER, " ").replace(/\b(?:red|amber|green)\b/g, " ").replace(CLOSING_WORD, " ").trim();
  return rest === "" || colourAlone(t) ? progress : null;
});

/** The progress an officer's traffic-light word stands for: Green on track, Amber slow, Red stalled. */
export function progressOfStatusWord(word: StatusWord): Progress {
  return STATUS_TO_PROGRESS[word];
}

const STATUS_WORD = /\b(red|amber|green)\b/gi;
const PAST_BEFORE = new RegExp(`${PAST}[ :]*$`, "i");

/**
 * The last whole traffic-light word in a text ("Redland" is none) that the text does not put in
 * the past ("was Red in June; now Amber" gives Amber), or null.
 */
export function lastStatusWord(text: string): StatusWord | null {
  let found: StatusWord | null = null;
  STATUS_WORD.lastIndex = 0;
  for (let m = STATUS_WORD.exec(text); m; m = STATUS_WORD.exec(text)) {
    if (PAST_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    // "Red to Amber", "Red -> Amber": the first was the old colour; the last found wins anyway.
    found = m[1].toLowerCase() as StatusWord;
  }
  return found;
}
