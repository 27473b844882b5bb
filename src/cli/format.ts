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
  return RAG_ORDER.filter((r) => (r !== "blue" && r !== "closed") || c[r] > 0)
    .map((r) => `${RAG_WORDS[r]} ${c[r]}`)
    .join(" | ");
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** How a column's role was decided: its heading (quoted), its content, or the officer's column map. */
function decidedBy(m: TableHeader["matches"][number]): string {
  if (m.by === "content") return "by content";
  if (m.by === "map") return `by column map${m.header ? ` "${clip(m.header, 30)}"` : ""}`;
  return `"${clip(m.header, 30)}"`;
}

/**
 * Which heading (or content, or map) became which column ('Time-scale = C "By when"'), from the
 * sheet's first table, with the number of header rows where the block layout repeats it.
 */
function columnsRead(tables: ReadonlyArray<TableHeader>): string[] {
  const first = tables[0];
  if (!first) return [];
  const fallback = (m: TableHeader["matches"][number]) => {
    const col = m.role === "timescale" || m.role === "lead" ? first.fallback?.[m.role] : undefined;
    return col === undefined ? "" : ` (else ${columnLetter(col)})`;
  };
  const named = first.matches.map((m) => `${ROLE_NAMES[m.role]} = ${columnLetter(m.col)} ${decidedBy(m)}${fallback(m)}`);
  if (tables.length > 1) named.push(`(${tables.length} header rows)`);
  return named;
}

/** Lines of at most `width` characters: the first after `lead`, the rest indented under it. */
export function wrapList(lead: string, items: ReadonlyArray<string>, width = 100): string[] {
  const lines: string[] = [];
  const indent = " ".repeat(lead.length);
  let line = lead;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 && !items[i + 1].startsWith("(") ? `${item},` : item;
    const start = line === lead || line === indent;
    if (!start && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = indent + piece;
    } else line = start ? line + piece : `${line} ${piece}`;
  });
  if (line.trim() !== "") lines.push(line);
  return lines;
}

const SEVERITY_ORDER: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** The check as lines of text: per sheet, counts by status, each action, each issue. */
export function formatCheck(check: WorkbookCheck, file: string): string {
  const out: string[] = [`Action plan check: ${file}`];
  for (const s of check.sheets) {
    const source = check.asOf ? "as chosen" : s.sheet.reportDate ? `report date line ${s.sheet.reportDateCell}` : "today: no report date line";
    out.push("", `${s.sheet.name}: as of ${formatDay(s.asOf)} (${source})`);
    const columns = columnsRead(s.sheet.tables);
    if (columns.length > 0) out.push(...wrapList("  Columns read: ", columns));
    if (s.sheet.notPlan) out.push(`  Not a plan sheet: ${s.sheet.notPlan}`);
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
