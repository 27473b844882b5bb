/**
 * Make returns: one workbook per lead (grouped as the board report's By Lead groups them), holding
 * only that lead's actions, the cells to fill in, and on its face whom it is for, by when, and what
 * to fill in. Every action of the plan goes into exactly one return.
 */
import { plural } from "../common";
import { RAG_WORDS } from "../assess";
import { leadGroups, type LeadGroup } from "../report";
import { addDays, formatDay, type IsoDate } from "../dates";
import { asOfWords, OWNED_MARKER_COL, trackingRef, type OwnedCell } from "../edits";
import type { AssessedAction, SheetAssessment, WorkbookCheck } from "../model";
import { PROGRESS_CHOICES } from "../read";
import { keyOf, keyText, planIdentity } from "./keys";
import type { PartnerReturn, ReturnSheet, ReturnsOptions, ReturnsPlan } from "./types";

export const RETURN_MARKER = "action-plan-rag:return";
export const RETURN_KEY_MARKER = "action-plan-rag:return-key";
export const RETURN_SHEET = "Return";
export const RETURN_KEY_SHEET = "Return key";

/** The headings of the return's table, in order from column A (the key, hidden). */
export const RETURN_HEADINGS = [
  "Key",
  "Sheet",
  "Ref",
  "Action",
  "Time-scale",
  "Status",
  "Reason",
  "Latest comment",
  "Progress",
  "Progress comment",
  "Revised timescale",
  "Reason for the change",
] as const;

export type ReturnHeading = (typeof RETURN_HEADINGS)[number];

/** The columns the lead fills in. */
export const FILL_IN: ReadonlyArray<ReturnHeading> = ["Progress", "Progress comment", "Revised timescale", "Reason for the change"];

/** 0-based row of the table header on the return sheet. */
export const RETURN_HEADER_ROW = 7;

const WIDTHS = [4, 16, 8, 48, 14, 12, 30, 40, 14, 40, 16, 30];
const col = (h: ReturnHeading) => RETURN_HEADINGS.indexOf(h);
const LAST_COL = RETURN_HEADINGS.length - 1;
const DEFAULT_RETURN_DAYS = 14;

/** An action with the sheet it is on. */
interface PlanAction {
  sheet: SheetAssessment;
  a: AssessedAction;
}

/** The plan's actions under their leads, grouped and ordered as the board report's By Lead (no lead named last). */
export function actionsByLead(check: Pick<WorkbookCheck, "sheets">): LeadGroup<PlanAction>[] {
  const all = check.sheets.flatMap((sheet) => sheet.actions.map((a) => ({ sheet, a })));
  return leadGroups(all, (x) => x.a.action.lead.text);
}

/** A file name for a lead's return: the characters file systems refuse taken out, kept short. */
function fileNameFor(lead: string, taken: Set<string>): string {
  const whole = `Return - ${(lead === "" ? "no lead named" : lead).replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim()}`;
  // Kept short (whole words) for the paths of every system the file may be saved on.
  const base = whole.length <= 80 ? whole : whole.slice(0, 80).replace(/\s+\S*$/, "");
  for (let n = 1; ; n++) {
    const name = `${n === 1 ? base : `${base} (${n})`}.xlsx`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const text = (value: string, style: OwnedCell["style"] = "wrap"): OwnedCell => ({ value, style });

/** The return a lead fills in: its face, then one row per action (its key, in `keys`, hidden in column A). */
function returnSheet(group: LeadGroup<PlanAction>, keys: ReadonlyArray<string>, plan: { id: string; title: string }, returnBy: IsoDate): ReturnSheet {
  const sheets = [...new Set(group.items.map((x) => x.sheet))];
  const whom = group.name === "" ? "Actions with no lead named in the plan" : group.name;
  const also = group.others.length > 0 ? ` (actions shared with ${group.others.join("; ")}: please agree the update with them)` : "";
  const face: [string, OwnedCell][] = [
    ["For", text(`${whom}${also}`)],
    ["Plan", text(plan.title)],
    ["Position as at", text(asOfWords(sheets))],
    ["Please return by", { value: returnBy, isDate: true, style: "date" }],
    [
      "What to fill in",
      text(
        `For each action, fill in the shaded columns: Progress (choose ${PROGRESS_CHOICES.join(", ")}, or write your own words), ` +
          "a Progress comment on what has been done since the last report, and, only where the date must change, a Revised timescale " +
          "and the Reason for the change. Leave a cell blank where nothing has changed. Do not add or remove rows; save the file " +
          "(in any spreadsheet program) and send it back.",
      ),
    ],
  ];
  const rows: (OwnedCell | null)[][] = [];
  const title: (OwnedCell | null)[] = [null, text(`Progress return: ${whom}`, "title")];
  title[OWNED_MARKER_COL] = { value: RETURN_MARKER, style: "marker" };
  rows.push(title);
  for (const [label, value] of face) rows.push([null, text(label, "label"), value]);
  rows.push([]);
  rows.push(RETURN_HEADINGS.map((h) => text(h, "column-header")));
  group.items.forEach(({ sheet, a }, i) => {
    const latest = a.action.comments[a.action.comments.length - 1]?.text ?? "";
    rows.push([
      text(keys[i], "marker"),
      text(sheet.sheet.name),
      text(trackingRef(a), "text"),
      text(a.action.action.text),
      text(a.action.timescale.text),
      text(RAG_WORDS[a.rag], "text"),
      text(a.reason),
      text(latest),
      ...FILL_IN.map(() => text("", "input")),
    ]);
  });
  const first = RETURN_HEADER_ROW + 1;
  const last = RETURN_HEADER_ROW + group.items.length;
  return {
    purpose: "return",
    name: RETURN_SHEET,
    visibility: "visible",
    rows,
    columnWidths: WIDTHS,
    merges: face.map((_, i) => ({ top: i + 1, left: 2, bottom: i + 1, right: LAST_COL })),
    ragAreas: group.items.length > 0 ? [{ top: first, left: col("Status"), bottom: last, right: col("Status") }] : [],
    freezeRows: RETURN_HEADER_ROW + 1,
    printTitleRows: [RETURN_HEADER_ROW, RETURN_HEADER_ROW],
    landscape: true,
    hiddenColumns: [col("Key")],
    dropdowns: group.items.length > 0 ? [{ area: { top: first, left: col("Progress"), bottom: last, right: col("Progress") }, choices: PROGRESS_CHOICES }] : [],
  };
}

/** The very hidden sheet that says which plan and lead the return is for, and holds the keys in order. */
function keySheet(group: LeadGroup<PlanAction>, keys: ReadonlyArray<string>, plan: { id: string; title: string }, today: IsoDate, returnBy: IsoDate): ReturnSheet {
  const head: (OwnedCell | null)[] = [text("Plan", "text"), text(plan.id, "text")];
  head[OWNED_MARKER_COL] = { value: RETURN_KEY_MARKER, style: "marker" };
  const rows: (OwnedCell | null)[][] = [
    head,
    [text("Plan title", "text"), text(plan.title, "text")],
    [text("Lead", "text"), text(group.name, "text")],
    [text("Lead key", "text"), text(group.key, "text")],
    [text("Made on", "text"), text(today, "text")],
    [text("Return by", "text"), text(returnBy, "text")],
    [text("Rows", "text"), { value: group.items.length, style: "number" }],
    [],
    [text("Key", "column-header")],
    ...keys.map((key) => [text(key, "text")]),
  ];
  return {
    purpose: "return-key",
    name: RETURN_KEY_SHEET,
    visibility: "veryHidden",
    rows,
    columnWidths: [12, 60],
    merges: [],
    ragAreas: [],
    freezeRows: 0,
    printTitleRows: null,
    landscape: false,
    hiddenColumns: [],
    dropdowns: [],
  };
}

/** One return per lead of the plan. */
export function planReturns(check: Pick<WorkbookCheck, "sheets">, options: ReturnsOptions): ReturnsPlan {
  const plan = planIdentity(check);
  const returnBy = options.returnBy ?? addDays(options.today, DEFAULT_RETURN_DAYS);
  const taken = new Set<string>();
  const returns: PartnerReturn[] = actionsByLead(check).map((group) => {
    const keys = group.items.map(({ a }) => keyText(keyOf(plan.id, a)));
    return {
      lead: group.name,
      leadKey: group.key,
      fileName: fileNameFor(group.name, taken),
      sheets: [returnSheet(group, keys, plan, returnBy), keySheet(group, keys, plan, options.today, returnBy)],
      actions: group.items.length,
    };
  });
  const actions = returns.reduce((n, r) => n + r.actions, 0);
  const summary =
    returns.length === 0
      ? "No returns made: the plan has no actions."
      : `${plural(returns.length, "return")} made, one per lead, for ${plural(actions, "action")}; to come back by ${formatDay(returnBy)}.`;
  return { plan, returns, summary };
}
