/** The "By Lead" sheet laid out (see layout-common.ts for the conventions). */
import { RAG_WORDS } from "../assess";
import { type OwnedSheet } from "../edits";
import type { ReportData } from "./types";
import { Draft, addRow, cell, columnHeader, deadlineCell, heading, markStatus, newDraft, note, num, previousCell, putStatus, titleRows, toSheet } from "./layout-common";

// ---- By Lead ------------------------------------------------------------------------------------

/** By Lead columns. */
const L = { lead: 0, ref: 1, status: 2, previous: 3, deadline: 4, theme: 5, action: 6, reason: 7, comment: 8 } as const;
/** About 166 characters: one A4 landscape page wide. */
const LEAD_WIDTHS = [26, 8, 12, 12, 12, 14, 32, 22, 28];

const leadName = (lead: string) => (lead === "" ? "No lead named" : lead);

function leadCounts(d: Draft, data: ReportData): void {
  heading(d, "Actions by lead responsibility");
  const header = columnHeader(d, ["Lead responsibility", "Actions", ...data.statuses.map((r) => RAG_WORDS[r])]);
  markStatus(
    d,
    header,
    data.statuses.map((_, i) => L.status + i)
  );
  for (const g of data.leads)
    addRow(d, [
      cell(leadName(g.lead), "label"),
      num(g.tally.total),
      ...data.statuses.map((r) => num(g.tally.counts[r])),
    ]);
  addRow(d, [
    cell("All leads", "label"),
    num(data.overall.total),
    ...data.statuses.map((r) => num(data.overall.counts[r])),
  ]);
}

function leadActions(d: Draft, data: ReportData): void {
  heading(d, "Each lead's actions");
  note(
    d,
    "Red first, then by deadline. Leads are grouped as written, ignoring case, spacing and a full stop at the end."
  );
  columnHeader(d, [
    "Lead responsibility",
    "Ref",
    "Status",
    "Previous status",
    "Deadline",
    "Theme",
    "Action",
    "Reason",
    "Latest progress comment",
  ]);
  const withPrevious = new Set(data.themes.filter((t) => t.previousAsOf !== null).map((t) => t.sheet));
  for (const g of data.leads) {
    const top = d.rows.length;
    g.actions.forEach((a, i) => {
      const row = addRow(d, [
        i === 0 ? cell(leadName(g.lead), "label") : null,
        cell(a.ref ?? a.trackingRef),
        null,
        null,
        deadlineCell(a),
        cell(a.theme),
        cell(a.action),
        cell(a.reason),
        cell(a.latestComment),
      ]);
      putStatus(d, row, L.status, a.status);
      previousCell(d, row, L.previous, a, withPrevious);
    });
    if (g.actions.length > 1) d.merges.push({ top, left: L.lead, bottom: d.rows.length - 1, right: L.lead });
  }
}

/** The By Lead sheet: counts by lead, then each lead's actions. */
export function layoutByLead(data: ReportData, name: string): OwnedSheet {
  const d = newDraft();
  titleRows(d, "by-lead", `By lead: ${data.title}`, data);
  leadCounts(d, data);
  leadActions(d, data);
  return toSheet(d, "by-lead", name, LEAD_WIDTHS);
}
