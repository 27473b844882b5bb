/** The readable table `action-plan check` prints without --json. */
import { countByRag } from "../core/assess";
import { type WorkbookCheck } from "../core/model";
import { formatDay } from "../core/dates";
import { columnLetter } from "../core/grid";
import { ROLE_NAMES } from "../core/read";
import type { Rag, Severity, TableHeader } from "../core/model";
import { RAG_ORDER, RAG_WORDS } from "../core/assess";

function counts(actions: ReadonlyArray<{ rag: Rag }>): string {
  const c = countByRag(actions);
  return RAG_ORDER.filter((r) => r !== "blue" || c.blue > 0)
    .map((r) => `${RAG_WORDS[r]} ${c[r]}`)
    .join(" | ");
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * Which heading became which column, as matched by meaning ("Time-scale (C) 'By when'"), from the
 * sheet's first table, with the number of header rows where the block layout repeats it.
 */
function columnsRead(tables: ReadonlyArray<TableHeader>): string {
  const first = tables[0];
  if (!first) return "";
  const named = first.matches.map((m) => `${ROLE_NAMES[m.role]} = ${columnLetter(m.col)} "${clip(m.header, 30)}"`).join(", ");
  return tables.length > 1 ? `${named} (${tables.length} header rows)` : named;
}

const SEVERITY_ORDER: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** The check as lines of text: per sheet, counts by status, each action, each issue. */
export function formatCheck(check: WorkbookCheck, file: string): string {
  const out: string[] = [`Action plan check: ${file}`];
  for (const s of check.sheets) {
    const source = check.asOf ? "as chosen" : s.sheet.reportDate ? `report date line ${s.sheet.reportDateCell}` : "today: no report date line";
    out.push("", `${s.sheet.name}: as of ${formatDay(s.asOf)} (${source})`);
    const columns = columnsRead(s.sheet.tables);
    if (columns) out.push(`  Columns read: ${columns}`);
    out.push(`  ${s.actions.length} action${s.actions.length === 1 ? "" : "s"}: ${counts(s.actions)}`);
    if (s.actions.length > 0) {
      out.push(`  ${pad("Ref", 8)}${pad("Status", 14)}${pad("Deadline", 13)}Reason`);
      for (const a of s.actions) {
        const deadline = a.deadline.deadline ? formatDay(a.deadline.deadline) : a.deadline.kind;
        const ref = a.action.ref ?? `row ${a.action.row + 1}`;
        const word = a.disagrees && a.officerWord ? ` (officer says ${RAG_WORDS[a.officerWord]})` : "";
        out.push(`  ${pad(ref, 8)}${pad(RAG_WORDS[a.rag], 14)}${pad(deadline, 13)}${clip(a.reason + word, 100)}`);
      }
    }
    const issues = [...s.issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    if (issues.length > 0) {
      const n = SEVERITY_ORDER.map((sev) => [sev, issues.filter((i) => i.severity === sev).length] as const).filter(([, k]) => k > 0);
      out.push(`  Issues: ${n.map(([sev, k]) => `${k} ${sev}${k === 1 ? "" : "s"}`).join(", ")}`);
      for (const i of issues) {
        out.push(`  ${pad(i.severity, 8)} ${pad(i.cell || "sheet", 6)} ${i.message}`);
        out.push(`  ${" ".repeat(16)}${i.hint}`);
      }
    }
  }
  const all = check.sheets.flatMap((s) => s.actions);
  out.push("", `All plan sheets: ${all.length} actions: ${counts(all)}`);
  return out.join("\n");
}
