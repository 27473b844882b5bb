/**
 * Lead responsibilities, as the By Lead sheet groups them (README.md: what the board report holds). Plans write the same
 * lead many ways: "DA Strategy Co-ordinator", "DA strategy co-ordinator.", "DA Strategy
 * Co-ordinator/ new post DVA CYP co-ordinator (0.6 FTE)". The grouping:
 *
 * 1. A joint lead is split into its leads: "X/ Y", "X or Y", "X and/or Y", "X, to liaise with Y",
 *    "X jointly with Y". The action goes under the first; the others are named beside it.
 * 2. A lead's key ignores case, punctuation, spacing and a closing "?", and reads the usual short
 *    forms as written out ("gp" is "group", "co-ord" and "coordinator" are "co-ordinator").
 * 3. A lead whose words (three or more) all appear in another's, in any order, is that lead
 *    written with more words ("Chair, new DVA CYP & Parenting working group?" and "New CYP &
 *    Parenting DVA working gp?"): both go under the shorter.
 *
 * A lead is shown as most often written (the shorter on a tie), tidied of spacing and a trailing
 * full stop or comma.
 */
import { pushTo } from "../common";

/** Words that join two leads of one action. */
const JOINT = /\s*(?:\band\/or\b|\/|\bor\b|,?\s*\bto liaise with\b|,?\s*\bliaising with\b|,?\s*\bjointly with\b|;)\s*/i;

/** Short forms read as written out. */
const SHORT_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/\bgp\b|\bgrp\b/g, "group"],
  [/\bco-?ord(?:inator)?\b/g, "co-ordinator"],
  [/\bmgr\b/g, "manager"],
  [/\bdept\b/g, "department"],
  [/\basst\b/g, "assistant"],
  [/\bdir\b/g, "director"],
];

/** The leads of one lead cell, first lead first, each tidied (spacing, trailing punctuation). */
export function splitLeads(lead: string): string[] {
  return lead
    .replace(/\s+/g, " ")
    .split(JOINT)
    .map(tidyLead)
    .filter((l) => l !== "");
}

/** A lead as shown: single spaces, no leading or trailing punctuation other than a closing bracket or "?". */
export function tidyLead(lead: string): string {
  return lead
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s.,;:\-–]+/, "")
    .replace(/[\s.,;:\-–]+$/, "");
}

/** The words a lead is compared by: lower case, punctuation dropped, short forms written out. */
export function leadWords(lead: string): string[] {
  let text = lead.toLowerCase().replace(/\([^)]*\)/g, " ");
  for (const [form, full] of SHORT_FORMS) text = text.replace(form, full);
  return text
    .replace(/[^a-z0-9&\-\s]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^-+|-+$/g, ""))
    .filter((w) => w !== "");
}

/** The key a lead is grouped by (its words in order). */
export function leadKey(lead: string): string {
  return leadWords(lead).join(" ");
}

/** Leads of this many words or more are matched by their words in any order, and within longer leads. */
const MIN_WORDS_TO_MATCH = 3;

function contains(longer: ReadonlySet<string>, shorter: ReadonlyArray<string>): boolean {
  return shorter.every((w) => longer.has(w));
}

/**
 * The group each written lead falls in: a map from a lead's key to its group's key. Keys whose
 * words are all in a longer key's (three words or more) join the shorter one's group.
 */
export function groupLeadKeys(keys: ReadonlyArray<string>): Map<string, string> {
  const distinct = [...new Set(keys)].sort((a, b) => a.split(" ").length - b.split(" ").length || a.localeCompare(b));
  const groupOf = new Map<string, string>();
  for (const key of distinct) {
    const words = key === "" ? [] : key.split(" ");
    const set = new Set(words);
    const home = words.length === 0 ? undefined : distinct.find((other) => {
      if (other === key || groupOf.get(other) !== other) return false;
      const theirs = other.split(" ");
      return theirs.length >= MIN_WORDS_TO_MATCH && contains(set, theirs);
    });
    groupOf.set(key, home ?? key);
  }
  return groupOf;
}

/** The name a group is shown by: the form written most often, the shortest on a tie, then the first. */
export function displayName(written: ReadonlyArray<string>): string {
  const tally = new Map<string, number>();
  for (const w of written) tally.set(w, (tally.get(w) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? "";
}

/** One lead's group: its key, the name it is shown by, the other leads its actions name, and its items. */
export interface LeadGroup<T> {
  key: string;
  name: string;
  others: string[];
  items: T[];
}

/**
 * Items under their leads, as By Lead and the partner returns group them: each under the first lead
 * of its lead cell, leads written alike in one group, groups by name, no lead named last.
 */
export function leadGroups<T>(items: ReadonlyArray<T>, leadText: (item: T) => string): LeadGroup<T>[] {
  const split = items.map((item) => {
    const [first = "", ...others] = splitLeads(leadText(item));
    return { item, first, others };
  });
  const groupOf = groupLeadKeys(split.map((s) => leadKey(s.first)));
  const byKey = new Map<string, typeof split>();
  for (const s of split) pushTo(byKey, groupOf.get(leadKey(s.first)) ?? "", s);
  const groups = [...byKey].map(([key, list]) => ({
    key,
    name: displayName(list.map((s) => s.first)),
    others: [...new Set(list.flatMap((s) => s.others))],
    items: list.map((s) => s.item),
  }));
  return groups.sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.name.localeCompare(b.name)));
}
