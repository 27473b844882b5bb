/**
 * `action-plan returns PLAN.xlsx --out DIR [--as-of YYYY-MM-DD] [--return-by YYYY-MM-DD]` and
 * `action-plan merge PLAN.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD]`.
 */
import { type IsoDate } from "../core/dates";
import { DEFAULT_SETTINGS } from "../core/model";
import type { MergePlan } from "../core/returns";
import { mergeFiles, writeReturns } from "../xlsx/merge-returns";
import { readWorkbookGrids } from "../xlsx/package/open";
import { eachWord, UsageProblem } from "./args";
import { commandFailed } from "./failure";

export const RETURNS_USAGE = `  action-plan returns PLAN.xlsx --out DIR [--as-of YYYY-MM-DD] [--return-by YYYY-MM-DD]
  action-plan merge   PLAN.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD]`;

interface ReturnsArgs {
  command: "returns" | "merge";
  files: string[];
  out: string;
  asOf: IsoDate | null;
  returnBy: IsoDate | null;
}

function parse(argv: ReadonlyArray<string>): ReturnsArgs {
  const [command, ...rest] = argv;
  const args: ReturnsArgs = { command: command as ReturnsArgs["command"], files: [], out: "", asOf: null, returnBy: null };
  eachWord(rest, (a, { value, date }) => {
    if (a === "--out" || a === "-o") args.out = value();
    else if (a === "--as-of") args.asOf = date();
    else if (a === "--return-by" && command === "returns") args.returnBy = date();
    else if (a.startsWith("-")) throw new UsageProblem(`unknown option ${a} for ${command}`);
    else args.files.push(a);
  });
  if (args.files.length === 0) throw new UsageProblem("no plan workbook named");
  if (command === "returns" && args.files.length > 1) throw new UsageProblem(`returns takes one plan workbook (got ${args.files.join(", ")})`);
  if (command === "merge" && args.files.length < 2) throw new UsageProblem("merge needs the plan and at least one returned workbook: merge PLAN.xlsx RETURN.xlsx... --out OUT.xlsx");
  if (args.out === "") throw new UsageProblem(command === "returns" ? "returns needs --out DIR (the folder the returns are written into)" : "merge needs --out OUT.xlsx (the plan itself is never modified)");
  return args;
}

/** The merge preview in plain text: per action what changes, then conflicts and who has not returned. */
export function formatMerge(m: MergePlan): string {
  const lines: string[] = [];
  for (const c of m.changes) {
    lines.push(`${c.sheet} ${c.ref} (${c.cell}), from ${c.file}: ${c.statusBefore} -> ${c.statusAfter}`);
    if (c.progress) {
      const read = c.progress.inList ? "" : c.progress.readAs ? ` (not a choice of the list: read as ${c.progress.readAs.replace("-", " ")})` : " (not a choice of the list, and no progress word in it: read as not reported)";
      lines.push(`  Progress: ${c.progress.from === "" ? "(blank)" : `"${c.progress.from}"`} -> "${c.progress.to}"${read}`);
    }
    if (c.comment) lines.push(`  New comment: "${c.comment}"`);
    if (c.timescale) lines.push(`  Timescale: "${c.timescale.from}" -> "${c.timescale.to}"${c.timescale.reason ? ` (${c.timescale.reason})` : ""}`);
  }
  if (m.conflicts.length > 0) {
    lines.push(`Conflicts (not merged):`);
    for (const c of m.conflicts) lines.push(`  ${c.message}`);
  }
  if (m.unchanged.length > 0) lines.push(`Nothing new in: ${m.unchanged.join(", ")}`);
  if (m.notReturned.length > 0) lines.push(`Not returned yet: ${m.notReturned.join("; ")}`);
  return lines.join("\n");
}

/** Runs `returns` or `merge`; returns the exit status (0 done, 1 refused with nothing written, 2 a file that cannot be read). */
export async function runReturns(argv: ReadonlyArray<string>, io: { out: (t: string) => void; err: (t: string) => void }, today: IsoDate): Promise<number> {
  const args = parse(argv);
  const options = { asOf: args.asOf, today, settings: DEFAULT_SETTINGS };
  const [plan, ...returns] = args.files;
  try {
    if (args.command === "returns") {
      const { plan: made, files } = await writeReturns(await readWorkbookGrids(plan), args.out, { ...options, returnBy: args.returnBy ?? undefined });
      io.out(`${made.summary}\n${made.returns.map((r, i) => `  ${files[i]}: ${r.actions} action${r.actions === 1 ? "" : "s"}`).join("\n")}`);
      return 0;
    }
    const { merge, written } = await mergeFiles(plan, returns, args.out, options);
    const preview = formatMerge(merge);
    if (!written) {
      for (const p of merge.problems) io.err(`action-plan: ${p.problem}`);
      io.err(`action-plan: nothing was written to ${args.out}.`);
      return 1;
    }
    io.out(`${preview === "" ? "" : `${preview}\n`}${merge.summary} ${merge.canApply ? `Written to ${args.out}.` : `The plan was copied unchanged to ${args.out}.`}`);
    return 0;
  } catch (e) {
    return commandFailed(e, args.command, plan, io);
  }
}
