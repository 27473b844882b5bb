/**
 * The refresh and report commands on files: the core's plan written into a copy of the officer's
 * file by the package writer (./package/write.ts). What the edits do not name is left exactly as
 * it was read.
 */
import type { CommandPlan } from "../core/commands";
import { checkOutputPath, FileProblem } from "./file-problem";
import { writeWorkbookFile, WriteRefusal } from "./package/write";
import type { Package } from "./package/zip";

export interface CommandResult {
  ok: boolean;
  summary: string;
}

/**
 * `action-plan refresh` and `report`: the core's plan for the command written into a copy of the
 * input (`pkg`, its package as read) by the package writer (every part it does not own kept as it
 * was); a refused plan, or a write that would drop something of the officer's, writes nothing.
 */
export async function writeCommand(plan: CommandPlan, pkg: Package, input: string, out: string): Promise<CommandResult> {
  if (!plan.ok) return { ok: false, summary: plan.summary };
  checkOutputPath(out, input);
  try {
    await writeWorkbookFile(pkg, input, out, plan.edits);
  } catch (e) {
    if (e instanceof WriteRefusal) return { ok: false, summary: `Nothing was written. ${e.message}` };
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { ok: true, summary: `${plan.summary} Written to ${out}.` };
}
