/**
 * Merge returns: what each return changes (per action: progress, new comment, revised timescale),
 * every conflict, the leads who have not returned, and the edits that write the accepted changes
 * into the plan in the officer's own layout. Merging a return already merged changes nothing.
 */
import { plural } from "../common";
import { assessAction, progressColumnEmpty, RAG_WORDS } from "../assess";
import type { IsoDate } from "../dates";
import { trackingRef, type WorkbookState } from "../edits";
import type { Action, AssessedAction, Settings, SheetAssessment, WorkbookCheck } from "../model";
import { lastStatusWord } from "../read";
import { refCellOf } from "../grid";
import { looseText } from "../report";
import { actionPrintOf, planIdentity, timescalePrintOf, type ReturnKey } from "./keys";
import { actionsByLead } from "./make";
import { datedComment, mergeEdits, type AcceptedChange } from "./merge-edits";
import type { ActionChange, MergeConflict, MergePlan, ReadReturn, ReturnedRow } from "./types";

export interface MergeOptions {
  /** The day of the merge: the date the new comments carry. */
  today: IsoDate;
  settings: Settings;
  /** The workbook's sheets and history (the old timescales are kept there). */
  state: WorkbookState;
}

type ReadOk = Extract<ReadReturn, { ok: true }>;

interface Entry {
  file: string;
  lead: string;
  row: ReturnedRow;
  /** The action the row's key names in the plan now, if it is still there. */
  found: { s: SheetAssessment; a: AssessedAction } | undefined;
}

const same = (a: string, b: string) => looseText(a) === looseText(b);
const filled = (r: ReturnedRow) => r.progressText !== "" || r.comment !== "" || r.revisedTimescale !== "";

/** The action as it will read after the change (to compute its new status). */
function changedAction(a: Action, change: AcceptedChange, today: IsoDate): Action {
  const copy: Action = { ...a, comments: [...a.comments] };
  if (change.progress !== null) copy.progress = { text: change.progress, col: a.progress?.col ?? null };
  if (change.timescale !== null) copy.timescale = { text: change.timescale, col: a.timescale.col, date: null };
  if (change.comment !== null) {
    const text = datedComment(today, change.lead, change.comment);
    copy.comments.push({ row: -1, col: -1, text, statusWord: lastStatusWord(text), date: today });
  }
  return copy;
}

function conflict(kind: MergeConflict["kind"], sheet: string, ref: string, files: string[], message: string): MergeConflict {
  return { kind, sheet, ref, files, message };
}

/** The preview of merging these returns into the plan, and the edits to write. */
export function planMerge(check: WorkbookCheck, returns: ReadonlyArray<ReadReturn>, options: MergeOptions): MergePlan {
  const identity = planIdentity(check);
  const problems: MergePlan["problems"] = [];
  const good: ReadOk[] = [];
  for (const r of returns) {
    if (!r.ok) problems.push({ file: r.file, problem: r.problem });
    else if (r.plan !== identity.id) {
      const of = r.planTitle !== "" ? ` ("${r.planTitle}")` : "";
      problems.push({ file: r.file, problem: `${r.file} is a return of another plan${of}, not of "${identity.title}": it was not merged.` });
    } else good.push(r);
  }
  const index = new Map<string, { s: SheetAssessment; a: AssessedAction }>();
  for (const s of check.sheets) for (const a of s.actions) index.set(`${s.sheet.name}\u0000${trackingRef(a)}`, { s, a });
  const find = (key: ReturnKey) => {
    const found = index.get(`${key.sheet}\u0000${key.ref}`);
    if (found && (found.a.action.ref !== null || actionPrintOf(found.a) === key.actionPrint)) return found;
    // An action without a ref is known by its row, which a comment row merged above it moves: found by its text instead.
    if (!/^row \d+$/.test(key.ref)) return found;
    const sheet = check.sheets.find((s) => s.sheet.name === key.sheet);
    const same = sheet?.actions.filter((a) => a.action.ref === null && actionPrintOf(a) === key.actionPrint) ?? [];
    return sheet && same.length === 1 ? { s: sheet, a: same[0] } : found;
  };
  const entries = new Map<string, Entry[]>();
  for (const r of good) {
    for (const row of r.rows.filter(filled)) {
      // Grouped by the action found in the plan now (two returns may name one action by two rows).
      const at = find(row.key);
      const k = `${row.key.sheet}\u0000${at ? trackingRef(at.a) : row.key.ref}`;
      const list = entries.get(k) ?? [];
      // The same return picked twice is one return.
      if (!list.some((e) => e.row.progressText === row.progressText && e.row.comment === row.comment && e.row.revisedTimescale === row.revisedTimescale)) {
        list.push({ file: r.file, lead: r.lead, row, found: at });
      }
      entries.set(k, list);
    }
  }
  const conflicts: MergeConflict[] = [];
  const accepted: AcceptedChange[] = [];
  const changes: ActionChange[] = [];
  const changedFiles = new Set<string>();
  // Each sheet read as it was: a status in an action's row counts where its Progress column keeps none.
  const keepsNoProgress = new Map(check.sheets.map((s) => [s, progressColumnEmpty(s.sheet)]));
  for (const list of entries.values()) {
    const { sheet } = list[0].row.key;
    const files = [...new Set(list.map((e) => e.file))];
    const { found } = list[0];
    // An action without a ref is named by the row it stands on now.
    const ref = found ? trackingRef(found.a) : list[0].row.key.ref;
    if (!found) {
      conflicts.push(conflict("action-gone", sheet, ref, files, `${ref} on "${sheet}" is no longer in the plan: the update in ${files.join(", ")} was not merged.`));
      continue;
    }
    if (list.length > 1) {
      conflicts.push(conflict("two-returns", sheet, ref, files, `${ref} on "${sheet}" has different updates in ${files.join(" and ")}: neither was merged. Merge the one to keep on its own.`));
      continue;
    }
    const { file, lead, row } = list[0];
    const { s, a } = found;
    const nowTimescale = a.action.timescale.text;
    if (actionPrintOf(a) !== row.key.actionPrint) {
      conflicts.push(conflict("action-changed", sheet, ref, [file], `${ref} on "${sheet}": the action was reworded in the plan since the return was made; the update in ${file} was not merged.`));
      continue;
    }
    const revisedDone = row.revisedTimescale !== "" && same(nowTimescale, row.revisedTimescale);
    if (timescalePrintOf(a) !== row.key.timescalePrint && !revisedDone) {
      conflicts.push(
        conflict("action-changed", sheet, ref, [file], `${ref} on "${sheet}": the timescale was changed in the plan (now "${nowTimescale}") since the return was made; the update in ${file} was not merged.`),
      );
      continue;
    }
    const progress = row.progressText !== "" && !same(a.action.progress?.text ?? "", row.progressText) ? row.progressText : null;
    const returned = looseText(row.comment);
    const comment = row.comment !== "" && !a.action.comments.some((c) => looseText(c.text).includes(returned)) ? row.comment : null;
    const timescale = row.revisedTimescale !== "" && !revisedDone ? row.revisedTimescale : null;
    if (progress === null && comment === null && timescale === null) continue;
    const change: AcceptedChange = { sheet: s, action: a, lead, progress, comment, timescale, reason: row.reasonForChange };
    const after = assessAction(changedAction(a.action, change, options.today), s.asOf, options.settings, a.action.progress === null || keepsNoProgress.get(s) === true);
    change.ragAfter = after.rag;
    accepted.push(change);
    changedFiles.add(file);
    changes.push({
      sheet: s.sheet.name,
      ref,
      cell: refCellOf(a.action),
      action: a.action.action.text,
      lead,
      file,
      progress: progress === null ? null : { from: a.action.progress?.text ?? "", to: progress, readAs: row.progress, inList: row.progressInList },
      comment,
      timescale: timescale === null ? null : { from: nowTimescale, to: timescale, reason: row.reasonForChange },
      statusBefore: RAG_WORDS[a.rag],
      statusAfter: RAG_WORDS[after.rag],
    });
  }
  const written = mergeEdits(check, accepted, options);
  problems.push(...written.problems);
  const returnedLeads = new Set(good.map((r) => r.leadKey));
  const notReturned = actionsByLead(check)
    .filter((g) => !returnedLeads.has(g.key))
    .map((g) => (g.name === "" ? "(actions with no lead named)" : g.name));
  const unchanged = good.filter((r) => !changedFiles.has(r.file)).map((r) => r.file);
  const canApply = problems.length === 0 && changes.length > 0;
  return {
    problems,
    changes,
    conflicts,
    unchanged: [...new Set(unchanged)],
    notReturned,
    edits: problems.length === 0 ? written.edits : { sheets: [], inserts: [], history: null },
    canApply,
    summary: mergeSummary(returns.length, problems, changes, conflicts, notReturned),
  };
}

function mergeSummary(files: number, problems: MergePlan["problems"], changes: ActionChange[], conflicts: MergeConflict[], notReturned: string[]): string {
  if (problems.length > 0) return `Nothing was written. ${problems[0].problem}${problems.length > 1 ? ` (and ${plural(problems.length - 1, "more problem")})` : ""}`;
  const count = (f: (c: ActionChange) => unknown) => changes.filter(f).length;
  const what =
    changes.length === 0
      ? "nothing new to merge (already merged, or left blank)"
      : `${plural(changes.length, "action")} to update (progress ${count((c) => c.progress)}, comments ${count((c) => c.comment)}, timescales ${count((c) => c.timescale)})`;
  const clash = conflicts.length > 0 ? `; ${plural(conflicts.length, "conflict")} not merged` : "";
  const missing = notReturned.length > 0 ? `; ${plural(notReturned.length, "lead")} ${notReturned.length === 1 ? "has" : "have"} not returned yet` : "";
  return `${plural(files, "return")} read: ${what}${clash}${missing}.`;
}
