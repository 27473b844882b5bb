/** The board report built: its data and the two owned sheets laid out, with a sentence saying what was built. */
import { plural } from "../common";
import { countsInWords, ownedSheetName, OWNED_NAMES, type OwnedPurpose } from "../edits";
import { buildReportData } from "./data";
import { layoutBoardReport } from "./layout-board";
import { layoutByLead } from "./layout-lead";
import type { BoardReport, ReportInput } from "./types";

/** A sentence for each owned sheet that could not take its usual name. */
function renamedSentences(names: ReadonlyArray<[OwnedPurpose, string]>): string {
  return names
    .filter(([purpose, name]) => name !== OWNED_NAMES[purpose])
    .map(
      ([purpose, name]) =>
        ` A sheet of yours is already called "${OWNED_NAMES[purpose]}" (it was left as it is), so this part of the report is on "${name}".`
    )
    .join("");
}

/** The board report: its data and the two owned sheets laid out, with a sentence saying what was built. */
export function planBoardReport(input: ReportInput): BoardReport {
  const data = buildReportData(input);
  const boardName = ownedSheetName("board-report", input.sheets);
  const leadName = ownedSheetName("by-lead", input.sheets);
  const owned = [layoutBoardReport(data, boardName), layoutByLead(data, leadName)];
  const n = data.overall.total;
  const counts =
    n > 0
      ? `: ${plural(n, "action")}, ${countsInWords(data.overall.counts)}`
      : ": no actions were found on the plan sheets";
  const summary = `Board report built on "${boardName}" and "${leadName}"${counts}.${renamedSentences([
    ["board-report", boardName],
    ["by-lead", leadName],
  ])}`;
  return { data, owned, summary };
}
