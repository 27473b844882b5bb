/**
 * The plan's actions under their leads, grouped as the board report's By Lead groups them (the
 * report's lead rules, src/core/report/leads.ts): each action under the first lead of its lead
 * cell, leads written alike in one group, groups by name, no lead named last.
 */
import { displayName, groupLeadKeys, leadKey, splitLeads } from "../report";

/** One lead's group: its key, the name it is shown by, the other leads its actions name, and its items. */
export interface LeadGroup<T> {
  key: string;
  name: string;
  others: string[];
  items: T[];
}

export function leadGroups<T>(items: ReadonlyArray<T>, leadText: (item: T) => string): LeadGroup<T>[] {
  const split = items.map((item) => {
    const [first = "", ...others] = splitLeads(leadText(item));
    return { item, first, others };
  });
  const groupOf = groupLeadKeys(split.map((s) => leadKey(s.first)));
  const byKey = new Map<string, typeof split>();
  for (const s of split) {
    const key = groupOf.get(leadKey(s.first)) ?? "";
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const groups = [...byKey].map(([key, list]) => ({
    key,
    name: displayName(list.map((s) => s.first)),
    others: [...new Set(list.flatMap((s) => s.others))],
    items: list.map((s) => s.item),
  }));
  return groups.sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.name.localeCompare(b.name)));
}
