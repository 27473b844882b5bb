/**
 * The board report (README.md: what the board report holds) as data, then laid out as the two sheets the product owns:
 * "Board Report" and "By Lead". Pure: the checked workbook and the history records in, the report
 * out; the adapters write the sheets (Office.js in Excel, ExcelJS to a file).
 *
 * Direction of travel compares an action's status now with its status at the previous report of
 * its sheet: the latest history record date before the sheet's as-of date. Statuses are ranked
 * Red (worst) < Amber < Not reported < Green < Blue (best). Not reported sits below Green (the
 * board has no assurance that the action is on track) and above Amber (no risk is known yet), so
 * Green -> Not reported is "worse", Not reported -> Amber or Red is "worse" (a deadline came near or
 * passed with nothing reported), and Not reported -> Green is "improved". An action with no
 * record at the previous report is "new".
 */
import { RAG_ORDER } from "../assess";
import { daysBetween, type IsoDate } from "../dates";
import { trackingRef } from "../edits";
import { refCellOf } from "../grid";
import type { AssessedAction, Issue, Rag, Settings, SheetAssessment, WorkbookCheck } from "../model";
import type { LeadSummary, ObjectiveSummary, ReportAction, ReportData, ReportInput, ReportIssue, StatusTally, ThemeSummary } from "./types";
import { UPCOMING_DAYS } from "./types";
import { CLOSED, directionOf, previousReportOf, sameTimescale, sumTallies, tallyOf, trendOf, type PreviousReport } from "./tally";
import { leadGroups, splitLeads, tidyLead } from "./leads";

function reportAction(s: SheetAssessment, a: AssessedAction, previous: PreviousReport | null): ReportAction {
  const key = trackingRef(a);
  const previousStatus = previous?.byRef.get(key) ?? null;
  const comments = a.action.comments;
  const [first = "", ...others] = splitLeads(a.action.lead.text);
  const before = previous?.timescales.get(key);
  const timescale = a.action.timescale.text;
  return {
    sheet: s.sheet.name,
    theme: s.sheet.theme,
    ref: a.action.ref,
    trackingRef: key,
    cell: refCellOf(a.action),
    objective: a.action.objective?.ref ?? null,
    action: a.action.action.text,
    lead: a.action.lead.text,
    leadGroup: first,
    coLeads: others,
    timescale,
    previousTimescale: before !== undefined && !sameTimescale(before, timescale) ? before : null,
    deadline: a.deadline.deadline,
    deadlineKind: a.deadline.kind,
    daysLeft: a.deadline.deadline === null ? null : daysBetween(s.asOf, a.deadline.deadline),
    progress: a.progress,
    status: a.rag,
    previousStatus,
    direction: directionOf(a.rag, previousStatus),
    reason: a.reason,
    latestComment: comments.length > 0 ? comments[comments.length - 1].text : "",
    officerWord: a.officerWord,
    disagrees: a.disagrees,
  };
}

/** Worst status first, then earliest deadline (none last), then plan order (the sort is stable). */
function bySeverityThenDeadline(a: ReportAction, b: ReportAction): number {
  const rank = RAG_ORDER.indexOf(a.status) - RAG_ORDER.indexOf(b.status);
  if (rank !== 0) return rank;
  return compareDeadlines(a.deadline, b.deadline);
}

function compareDeadlines(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function exceptionsOf(actions: ReadonlyArray<ReportAction>): ReportAction[] {
  return actions.filter((a) => a.status === "red" || a.status === "amber").sort(bySeverityThenDeadline);
}

function changesOf(actions: ReadonlyArray<ReportAction>): ReportAction[] {
  const worse = actions.filter((a) => a.direction === "worse");
  const improved = actions.filter((a) => a.direction === "improved");
  return [...worse, ...improved];
}

function upcomingOf(actions: ReadonlyArray<ReportAction>, days: number): ReportAction[] {
  return actions
    .filter((a) => a.daysLeft !== null && a.daysLeft >= 0 && a.daysLeft <= days && a.progress !== "complete" && a.status !== CLOSED)
    .sort((a, b) => compareDeadlines(a.deadline, b.deadline));
}

// ---- groups -------------------------------------------------------------------------------------

function themeOf(
  s: SheetAssessment,
  actions: ReadonlyArray<ReportAction>,
  previous: PreviousReport | null
): ThemeSummary {
  const before = previous ? [...previous.byRef.values()] : null;
  return {
    sheet: s.sheet.name,
    theme: s.sheet.theme,
    asOf: s.asOf,
    previousAsOf: previous?.asOf ?? null,
    tally: tallyOf(
      actions.map((a) => a.status),
      before
    ),
  };
}

/** The objective a history record belongs to: its action's now, else the longest objective ref its ref extends. */
function objectiveOfRecord(
  ref: string,
  current: Map<string, string | null>,
  objectiveRefs: ReadonlyArray<string>
): string | null | undefined {
  if (current.has(ref)) return current.get(ref);
  const parents = objectiveRefs.filter((o) => ref.startsWith(`${o}.`)).sort((a, b) => b.length - a.length);
  return parents.length > 0 ? parents[0] : undefined;
}

function objectivesOf(
  s: SheetAssessment,
  actions: ReadonlyArray<ReportAction>,
  previous: PreviousReport | null
): ObjectiveSummary[] {
  const keys = [...new Set(actions.map((a) => a.objective))];
  const current = new Map(actions.map((a) => [a.trackingRef, a.objective]));
  const objectiveRefs = keys.filter((k): k is string => k !== null);
  return keys.map((key) => {
    const objective = s.sheet.objectives.find((o) => o.ref === key && key !== null) ?? null;
    const now = actions.filter((a) => a.objective === key).map((a) => a.status);
    const before = previous
      ? [...previous.byRef]
          .filter(([ref]) => objectiveOfRecord(ref, current, objectiveRefs) === key)
          .map(([, rag]) => rag)
      : null;
    return {
      sheet: s.sheet.name,
      theme: s.sheet.theme,
      ref: key,
      label: objective ? objective.label : key === null ? "No objective" : `Objective ${key}`,
      text: objective ? objective.text : "",
      tally: tallyOf(now, before),
    };
  });
}

/**
 * Each lead with its actions (see leads.ts for how leads are grouped), alphabetically, no lead
 * named last. Sets each action's leadGroup to its group's name.
 */
function leadsOf(actions: ReadonlyArray<ReportAction>): LeadSummary[] {
  return leadGroups(actions, (a) => a.lead).map(({ key, name: lead, items: list }) => {
    for (const a of list) a.leadGroup = lead;
    const withPrevious = list.some((a) => a.previousStatus !== null);
    const before = withPrevious ? list.flatMap((a) => (a.previousStatus ? [a.previousStatus] : [])) : null;
    return {
      lead,
      key,
      writtenAs: [...new Set(list.map((a) => tidyLead(a.lead)))],
      actions: [...list].sort(bySeverityThenDeadline),
      tally: tallyOf(
        list.map((a) => a.status),
        before
      ),
    };
  });
}

function issuesOf(check: WorkbookCheck): ReportIssue[] {
  const all = check.sheets.flatMap((s) => s.issues);
  const pick = (severity: "error" | "warning") =>
    all
      .filter((i: Issue) => i.severity === severity)
      .map((i) => ({ sheet: i.sheet, cell: i.cell, severity, code: i.code, message: i.message, hint: i.hint }));
  return [...pick("error"), ...pick("warning")];
}

/** The title of the first plan sheet that has one (a sheet without actions is notes, not the plan). */
function titleOf(sheets: ReadonlyArray<SheetAssessment>): string {
  const withTitle = sheets.find((s) => s.sheet.title.trim() !== "" && s.sheet.actions.length > 0);
  return withTitle ? withTitle.sheet.title.replace(/\s+/g, " ").trim() : "Action plan";
}

function statusesShown(settings: Settings, tallies: ReadonlyArray<StatusTally>): Rag[] {
  const anyBlue = tallies.some((t) => t.counts.blue > 0 || (t.previous?.blue ?? 0) > 0);
  const anyClosed = tallies.some((t) => t.counts.closed > 0 || (t.previous?.closed ?? 0) > 0);
  return RAG_ORDER.filter((r) => (r !== "blue" || settings.brag || anyBlue) && (r !== "closed" || anyClosed));
}

// ---- the report ---------------------------------------------------------------------------------

/** The board report as data. */
export function buildReportData(input: ReportInput): ReportData {
  const { check, records, settings, today } = input;
  const planSheets = check.sheets.filter((s) => s.actions.length > 0);
  const previousBySheet = new Map(
    planSheets.map((s) => [s.sheet.name, previousReportOf(records, s.sheet.name, s.asOf)])
  );
  const actionsBySheet = planSheets.map((s) =>
    s.actions.map((a) => reportAction(s, a, previousBySheet.get(s.sheet.name) ?? null))
  );
  const actions = actionsBySheet.flat();
  const themes = planSheets.map((s, i) => themeOf(s, actionsBySheet[i], previousBySheet.get(s.sheet.name) ?? null));
  const objectives = planSheets.flatMap((s, i) =>
    objectivesOf(s, actionsBySheet[i], previousBySheet.get(s.sheet.name) ?? null)
  );
  const overall = sumTallies(themes.map((t) => t.tally));
  const leads = leadsOf(actions);
  const trend = trendOf(
    records,
    planSheets.map((s, i) => ({ sheet: s.sheet.name, asOf: s.asOf, rags: actionsBySheet[i].map((a) => a.status) }))
  );
  return {
    title: titleOf(check.sheets),
    today,
    asOfDates: [...new Set(planSheets.map((s) => s.asOf))].sort(),
    sources: check.sheets.map((s) => ({
      sheet: s.sheet.name,
      theme: s.sheet.theme,
      reportDate: s.sheet.reportDate,
      asOf: s.asOf,
      previousAsOf: previousBySheet.get(s.sheet.name)?.asOf ?? null,
      actions: s.actions.length,
    })),
    statuses: statusesShown(settings, [overall]),
    amberWindowDays: settings.amberWindowDays,
    upcomingDays: UPCOMING_DAYS,
    hasPrevious: themes.some((t) => t.previousAsOf !== null),
    overall,
    themes,
    objectives,
    actions,
    exceptions: exceptionsOf(actions),
    changes: changesOf(actions),
    movedDeadlines: actions.filter((a) => a.previousTimescale !== null),
    upcoming: upcomingOf(actions, UPCOMING_DAYS),
    disagreements: actions.filter((a) => a.disagrees),
    closed: actions.filter((a) => a.status === CLOSED),
    trend,
    issues: issuesOf(check),
    leads,
  };
}
