/** Tallies of statuses and the direction of travel since the previous report. */
import { countByRag, RAG_ORDER } from "../assess";
import { type IsoDate } from "../dates";
import { type HistoryRecord } from "../edits";
import type { Rag } from "../model";
import type { Direction, StatusTally } from "./types";

export function zeroCounts(): Record<Rag, number> {
  return countByRag([]);
}

export function tallyOf(now: ReadonlyArray<Rag>, previous: ReadonlyArray<Rag> | null): StatusTally {
  const counts = countByRag(now.map((rag) => ({ rag })));
  const total = now.length;
  const shares = zeroCounts();
  for (const r of RAG_ORDER) shares[r] = total === 0 ? 0 : counts[r] / total;
  if (previous === null) return { total, counts, shares, previous: null, previousTotal: null, change: null };
  const before = countByRag(previous.map((rag) => ({ rag })));
  const change = zeroCounts();
  for (const r of RAG_ORDER) change[r] = counts[r] - before[r];
  return { total, counts, shares, previous: before, previousTotal: previous.length, change };
}

/** The sum of tallies (a previous count only where some tally has one; the others count as none then). */
export function sumTallies(tallies: ReadonlyArray<StatusTally>): StatusTally {
  const now: Rag[] = [];
  const before: Rag[] = [];
  let anyPrevious = false;
  for (const t of tallies) {
    for (const r of RAG_ORDER) for (let i = 0; i < t.counts[r]; i++) now.push(r);
    if (t.previous) {
      anyPrevious = true;
      for (const r of RAG_ORDER) for (let i = 0; i < t.previous[r]; i++) before.push(r);
    }
  }
  return tallyOf(now, anyPrevious ? before : null);
}

// ---- history ------------------------------------------------------------------------------------

/** A sheet's previous report: its date and its records by tracking ref. */
export interface PreviousReport {
  asOf: IsoDate;
  byRef: Map<string, Rag>;
}

/** The latest report of a sheet before its as-of date, from the history. */
export function previousReportOf(records: ReadonlyArray<HistoryRecord>, sheet: string, asOf: IsoDate): PreviousReport | null {
  let date: IsoDate | null = null;
  for (const r of records) if (r.sheet === sheet && r.asOf < asOf && (date === null || r.asOf > date)) date = r.asOf;
  if (date === null) return null;
  const byRef = new Map<string, Rag>();
  for (const r of records) if (r.sheet === sheet && r.asOf === date) byRef.set(r.ref, r.rag);
  return { asOf: date, byRef };
}

export const TRAVEL_RANK: Readonly<Record<Rag, number>> = { red: 0, amber: 1, "not-reported": 2, green: 3, blue: 4 };

/** How a status moved from the previous one. */
export function directionOf(now: Rag, before: Rag | null): Direction {
  if (before === null) return "new";
  if (now === before) return "same";
  return TRAVEL_RANK[now] > TRAVEL_RANK[before] ? "improved" : "worse";
}

// ---- actions ------------------------------------------------------------------------------------
