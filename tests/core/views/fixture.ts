/** A small checked workbook for the views' tests: two plan sheets, assessed at their own report dates. */
import { assessSheet } from "../../../src/core/assess";
import { DEFAULT_SETTINGS, type WorkbookCheck } from "../../../src/core/model";
import { grid } from "../../helpers/grid";
import { action, comment, planSheet, SEED_COLUMNS, table } from "../../helpers/plan";

const OPTIONS = { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS };

export function smallCheck(): WorkbookCheck {
  const t1 = table(3, { ...SEED_COLUMNS, progress: 7, rag: 8 });
  const prevention = planSheet("Prevention", {
    reportDate: "2009-05-13",
    tables: [t1],
    actions: [
      action("Prevention", t1, 4, { ref: "Amber 3.1.1", action: "Develop strategy", timescale: "1 st July 2009", lead: "PCT", comments: [comment(5, 0, "draft")] }),
      action("Prevention", t1, 6, { ref: "3.1.2", action: "Run a campaign", timescale: "", date: "2009-07-06", lead: "Comms", progress: "Complete", comments: [comment(7, 0, "done")] }),
    ],
  });
  const t2 = table(1, { action: 1, timescale: 2, lead: 3, progress: 7, rag: 8 });
  const provision = planSheet("Provision", {
    tables: [t2],
    actions: [action("Provision", t2, 2, { action: "Train staff", timescale: "Mar 09", lead: "Bob", comments: [comment(3, 1, "late Green", "green")] })],
  });
  const sheets = [prevention, provision].map((s) => assessSheet(s, grid(s.name, []), OPTIONS));
  return { asOf: null, sheets, grids: new Map([prevention, provision].map((s) => [s.name, grid(s.name, [])])) };
}
