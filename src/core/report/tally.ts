/** Tallies of statuses and the direction of travel since the previous report. */
import { pushTo } from "../common";
import { countByRag, RAG_ORDER } from "../assess";
import { type IsoDate } from "../dates";
import { type HistoryRecord } from "../edits";
import { tidyText } from "../grid";
import type { Rag } from "../model";
import type { Direction, StatusTally, TrendPoint } from "./types";

/** The Closed status (README.md, "How statuses are worked out"), where the rules give it: listed apart, never in a share. */
export const CLOSED = "closed";

/** Whether a status counts in the shares (every status but Closed). */
export const inShares = (rag: Rag): boolean => rag !== CLOSED;

export function zeroCounts(): Record<Rag, number> {
  return countByRag([]);
}

export function tallyOf(now: ReadonlyArray<Rag>, previous: ReadonlyArray<Rag> | null): StatusTally {
  const counts = countByRag(now.map((rag) => ({ rag })));
  const total = now.length;
  const counted = now.filter(inShares).length;
  const shares = zeroCounts();
  for (const r of RAG_ORDER) shares[r] = counted === 0 || !inShares(r) ? 0 : counts[r] / counted;
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
  /** The timescale text of each action then, where the history kept it. */
  timescales: Map<string, string>;
}

/** The latest report of a sheet before its as-of date, from the history. */
export function previousReportOf(records: ReadonlyArray<HistoryRecord>, sheet: string, asOf: IsoDate): PreviousReport | null {
  let date: IsoDate | null = null;
  for (const r of records) if (r.sheet === sheet && r.asOf < asOf && (date === null || r.asOf > date)) date = r.asOf;
  if (date === null) return null;
  const byRef = new Map<string, Rag>();
  const timescales = new Map<string, string>();
  for (const r of records) {
    if (r.sheet !== sheet || r.asOf !== date) continue;
    byRef.set(r.ref, r.rag);
    if (r.timescale !== undefined) timescales.set(r.ref, r.timescale);
  }
  return { asOf: date, byRef, timescales };
}

/** Text as compared loosely: spaces made single, trimmed, lower case. */
export function looseText(text: string): string {
  return tidyText(text).toLowerCase();
}

/** Timescale texts compared as a reader sees them: spacing and case aside. */
export function sameTimescale(a: string, b: string): boolean {
  return looseText(a) === looseText(b);
}

/**
 * The overall counts at every date in the history (and now): at each date, each sheet counted at
 * its latest report on or before it, so a sheet reported less often still counts. Earliest first.
 */
export function trendOf(records: ReadonlyArray<HistoryRecord>, now: ReadonlyArray<{ sheet: string; asOf: IsoDate; rags: ReadonlyArray<Rag> }>): TrendPoint[] {
  const reports = new Map<string, Rag[]>();
  for (const r of records) {
    const key = `${r.sheet}\u0000${r.asOf}`;
    pushTo(reports, key, r.rag);
  }
  // This build's statuses stand in for any record of the same sheet and date.
  for (const s of now) reports.set(`${s.sheet}\u0000${s.asOf}`, [...s.rags]);
  const bySheet = new Map<string, { asOf: IsoDate; rags: Rag[] }[]>();
  for (const [key, rags] of reports) {
    const [sheet, asOf] = key.split("\u0000");
    pushTo(bySheet, sheet, { asOf, rags });
  }
  const dates = [...new Set([...reports.keys()].map((k) => k.split("\u0000")[1]))].sort();
  return dates.map((date) => {
    const rags: Rag[] = [];
    let themes = 0;
    for (const list of bySheet.values()) {
      const latest = list.filter((x) => x.asOf <= date).sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0];
      if (!latest) continue;
      themes++;
      rags.push(...latest.rags);
    }
    return { asOf: date, counts: countByRag(rags.map((rag) => ({ rag }))), total: rags.length, themes };
  });
}

/** Statuses ranked for direction of travel (Closed has no rank). */
export const TRAVEL_RANK: Readonly<Partial<Record<Rag, number>>> = { red: 0, amber: 1, "not-reported": 2, green: 3, blue: 4 };

/** How a status moved from the previous one (a move to or from Closed is neither better nor worse: "same"). */
export function directionOf(now: Rag, before: Rag | null): Direction {
  if (before === null) return "new";
  const [a, b] = [TRAVEL_RANK[now], TRAVEL_RANK[before]];
  if (now === before || a === undefined || b === undefined) return "same";
  return a > b ? "improved" : "worse";
}

/** Whether more of this status is worse (Red, Amber, Not reported), better (Green, Blue), or neither (Closed). */
export function moreIs(rag: Rag): "worse" | "better" | "neither" {
  const rank = TRAVEL_RANK[rag];
  if (rank === undefined) return "neither";
  return rank <= (TRAVEL_RANK["not-reported"] ?? 2) ? "worse" : "better";
}
