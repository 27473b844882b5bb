/**
 * The key that ties each row of a return to its plan, sheet and action, kept in a cell of the
 * return so that any spreadsheet program that edits and saves the return keeps it:
 *
 *     apr1|<plan>|<action fingerprint><timescale fingerprint>|<sheet>|<ref>
 *
 * The fingerprints are of the action text and the timescale text when the return was made: a
 * return whose action has since been reworded or rescheduled in the plan is a conflict, not a
 * change applied to the wrong thing. Sheet and ref are percent-encoded (a sheet name may hold "|").
 */
import type { AssessedAction, WorkbookCheck } from "../model";
import { trackingRef } from "../edits";
import { tidyText } from "../grid";

export const KEY_PREFIX = "apr1";

export interface ReturnKey {
  plan: string;
  sheet: string;
  /** The action's ref, or "row N" for an action without one (as the history tracks it). */
  ref: string;
  actionPrint: string;
  timescalePrint: string;
}

/** FNV-1a of a text, as 8 hex digits: enough to notice a change, not a secret. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Text as compared: spaces made single, trimmed (a program re-saving the plan may re-wrap it). */
export function normalText(text: string): string {
  return tidyText(text);
}

/**
 * The plan's identity: its title(s), else its plan sheets' names, fingerprinted. The same plan
 * after a refresh, a report or a merge keeps it; another partnership's plan does not share it.
 */
export function planIdentity(check: Pick<WorkbookCheck, "sheets">): { id: string; title: string } {
  const withActions = check.sheets.filter((s) => s.sheet.actions.length > 0);
  const titles = [...new Set(withActions.map((s) => normalText(s.sheet.title)).filter((t) => t !== ""))].sort();
  const basis = titles.length > 0 ? titles.join("\n") : withActions.map((s) => s.sheet.name).join("\n");
  const title = titles[0] ?? withActions.map((s) => s.sheet.name).join(", ");
  return { id: fingerprint(basis.toLowerCase()), title };
}

/** The fingerprint of an action's text as it is now. */
export function actionPrintOf(a: Pick<AssessedAction, "action">): string {
  return fingerprint(normalText(a.action.action.text));
}

/**
 * The fingerprint of an action's timescale as it is now: a real date by its day (Excel and a file
 * show a date cell's text differently), else its text.
 */
export function timescalePrintOf(a: Pick<AssessedAction, "action">): string {
  return fingerprint(a.action.timescale.date ?? normalText(a.action.timescale.text));
}

/** The key of one action of the plan. */
export function keyOf(plan: string, a: AssessedAction): ReturnKey {
  return { plan, sheet: a.action.sheet, ref: trackingRef(a), actionPrint: actionPrintOf(a), timescalePrint: timescalePrintOf(a) };
}

/** The key as the text of a cell. */
export function keyText(k: ReturnKey): string {
  return [KEY_PREFIX, k.plan, `${k.actionPrint}${k.timescalePrint}`, encodeURIComponent(k.sheet), encodeURIComponent(k.ref)].join("|");
}

/** The key a cell holds, or null where the text is not a key (or a damaged one). */
export function parseKey(text: string): ReturnKey | null {
  const parts = text.trim().split("|");
  if (parts.length !== 5 || parts[0] !== KEY_PREFIX) return null;
  const [, plan, prints, sheet, ref] = parts;
  if (!/^[0-9a-f]{8}$/.test(plan) || !/^[0-9a-f]{16}$/.test(prints)) return null;
  try {
    const k = { plan, sheet: decodeURIComponent(sheet), ref: decodeURIComponent(ref), actionPrint: prints.slice(0, 8), timescalePrint: prints.slice(8) };
    return k.sheet !== "" && k.ref !== "" ? k : null;
  } catch {
    return null;
  }
}
