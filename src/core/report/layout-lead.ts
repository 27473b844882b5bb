/**
 * The "By Lead" sheet laid out (see layout-common.ts for the conventions): each lead's counts by
 * status, then each lead's actions (ref, status, next deadline, theme, action, reason, and the
 * other leads of a joint lead), one lead's block never split across pages. Leads are grouped as
 * leads.ts says. The Previous status column shows only once there is a previous report.
 */
import { plural } from "../common";
import { RAG_WORDS } from "../assess";
import { countsInWords, type OwnedSheet } from "../edits";
import type { LeadSummary, ReportData } from "./types";
import { Draft, addRow, cell, columnHeader, dataRow, deadlineCell, heading, keep, markStatus, newDraft, note, num, previousCell, putStatus, titleRows, toSheet } from "./layout-common";

const leadName = (lead: string) => (lead === "" ? "No lead named" : lead);

/** The columns of the lead's actions table, with their widths (about 161 characters in all). */
function columnsOf(hasPrevious: boolean) {
  const cols = hasPrevious
    ? (["lead", "ref", "status", "previous", "deadline", "theme", "action", "reason", "joint"] as const)
    : (["lead", "ref", "status", "deadline", "theme", "action", "reason", "joint"] as const);
  const widths: Record<string, number> = { lead: 24, ref: 8, status: 12, previous: 12, deadline: 12, theme: 13, action: hasPrevious ? 34 : 40, reason: hasPrevious ? 26 : 32, joint: 20 };
  const at = (name: string) => (cols as readonly string[]).indexOf(name);
  return { cols, widths: cols.map((c) => widths[c]), at };
}

function leadCounts(d: Draft, data: ReportData): void {
  heading(d, `Actions by lead responsibility (${plural(data.leads.length, "lead")})`);
  const header = columnHeader(d, ["Lead responsibility", "Actions", ...data.statuses.map((r) => RAG_WORDS[r])]);
  markStatus(
    d,
    header,
    data.statuses.map((_, i) => 2 + i)
  );
  for (const g of data.leads) dataRow(d, [cell(leadName(g.lead), "label"), num(g.tally.total), ...data.statuses.map((r) => num(g.tally.counts[r]))]);
  dataRow(d, [cell("All leads", "label"), num(data.overall.total), ...data.statuses.map((r) => num(data.overall.counts[r]))]);
}

/** The lead's name with its counts in words, down the block's first column. */
function leadLabel(g: LeadSummary): string {
  const n = g.tally.total;
  return `${leadName(g.lead)}\n${plural(n, "action")}: ${countsInWords(g.tally.counts)}`;
}

function leadActions(d: Draft, data: ReportData, columns: ReturnType<typeof columnsOf>): void {
  const { cols, at } = columns;
  heading(d, "Each lead's actions");
  note(d, "Red first, then by deadline. A lead written in different ways (case, spacing, punctuation, short forms) is one lead; an action led jointly is under its first lead, naming the others.");
  const titles: Record<string, string> = { lead: "Lead responsibility", ref: "Ref", status: "Status", previous: "Previous status", deadline: "Next deadline", theme: "Theme", action: "Action", reason: "Reason", joint: "Joint with" };
  columnHeader(d, cols.map((c) => titles[c]));
  const withPrevious = new Set(data.themes.filter((t) => t.previousAsOf !== null).map((t) => t.sheet));
  for (const g of data.leads) {
    const top = d.rows.length;
    g.actions.forEach((a, i) => {
      const row = (i === 0 ? dataRow : addRow)(d, []);
      const put = (name: string, c: ReturnType<typeof cell> | null) => {
        if (at(name) >= 0) d.rows[row][at(name)] = c;
      };
      put("lead", i === 0 ? cell(leadLabel(g), "label") : null);
      put("ref", cell(a.ref ?? a.trackingRef));
      put("deadline", deadlineCell(a));
      put("theme", cell(a.theme));
      put("action", cell(a.action));
      put("reason", cell(a.reason));
      put("joint", cell(a.coLeads.join("; ")));
      putStatus(d, row, at("status"), a.status);
      if (at("previous") >= 0) previousCell(d, row, at("previous"), a, withPrevious);
    });
    const bottom = d.rows.length - 1;
    if (bottom > top) d.merges.push({ top, left: at("lead"), bottom, right: at("lead") });
    keep(d, top, bottom);
  }
}

/** The By Lead sheet: counts by lead, then each lead's actions. */
export function layoutByLead(data: ReportData, name: string): OwnedSheet {
  const d = newDraft();
  const columns = columnsOf(data.hasPrevious);
  titleRows(d, "by-lead", `By lead: ${data.title}`, data);
  leadCounts(d, data);
  leadActions(d, data, columns);
  return toSheet(d, "by-lead", name, columns.widths);
}
