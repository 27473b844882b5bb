/**
 * Generated plans read back exactly: random heading vocabularies, ref styles (or none), flat or
 * block layouts starting in any column, and data rows full of heading words ("Action 3 text",
 * "Lead 4", "Deadline review"), which must stay data.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../../src/core/commands";
import type { Cell, Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/model";

const HEADINGS = {
  ref: ["Ref", "No.", "#", "ID", "S.No", "Action No.", "Ref."],
  action: ["Action", "Actions", "Key actions", "Task", "Task description", "Description of action", "Key milestones", "Milestone", "Deliverable", "Activity", "What"],
  timescale: ["Time-scale", "Timescale", "Target date", "By when", "Deadline", "Due", "End date", "Completion date", "When", "Due date"],
  lead: ["Lead", "Lead officer", "Lead responsibility", "Responsible officer", "Responsible person", "Owner", "Lead agency", "Who"],
  progress: ["Progress", "Status", "Current status"],
  comments: ["Comments", "Progress update", "Notes", "Remarks", "Commentary", "Update"],
} as const;

type Role = keyof typeof HEADINGS;
type RefStyle = "dotted" | "letters" | "number-letter" | "plain" | "none";

const ACTION_TEXTS = ["Action {i} text", "Review the action plan ({i})", "Lead {i} partners in a task review", "Deadline review {i}", "Progress {i} the status report", "Task {i}: owner briefing", "What we will do {i}"];
const LEADS = ["Lead {i}", "Lead officer {i}", "Owner {i}", "Who {i}", "Responsible officer team {i}"];
const TIMESCALES = ["31/03/2011", "Dec 2010", "Q3 2010/11", "ongoing", "TBC", "Summer 2011", "2011", "1 st July 2010"];
const PROGRESS = ["On track", "Complete", "Slow", "Stalled", "", "Progress", "Status"];
const COMMENTS = ["Comments {i}", "Notes: update due", "", "Progress update {i}"];

function refOf(style: RefStyle, group: number, i: number): string {
  switch (style) {
    case "dotted":
      return `${group}.${i}`;
    case "letters":
      return `${["A", "PH", "F", "CS-"][group % 4]}${i}`;
    case "number-letter":
      return `${group}${String.fromCharCode(97 + ((i - 1) % 26))}`;
    case "plain":
      return String(i);
    default:
      return "";
  }
}

const planArb = fc.record({
  headings: fc.record({
    ref: fc.constantFrom(...HEADINGS.ref),
    action: fc.constantFrom(...HEADINGS.action),
    timescale: fc.constantFrom(...HEADINGS.timescale),
    lead: fc.constantFrom(...HEADINGS.lead),
    progress: fc.constantFrom(...HEADINGS.progress),
    comments: fc.constantFrom(...HEADINGS.comments),
  }),
  refStyle: fc.constantFrom<RefStyle>("dotted", "letters", "number-letter", "plain", "none"),
  blocks: fc.boolean(),
  withProgress: fc.boolean(),
  withComments: fc.boolean(),
  startCol: fc.integer({ min: 0, max: 3 }),
  order: fc.shuffledSubarray(["timescale", "lead", "progress", "comments"] as Role[], { minLength: 4, maxLength: 4 }),
  groups: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

test("generated plans read back exactly, whatever words their data rows use", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const roles: Role[] = [...(p.refStyle === "none" ? [] : (["ref"] as Role[])), "action", ...p.order.filter((r) => (r !== "progress" || p.withProgress) && (r !== "comments" || p.withComments))];
      const header = roles.map((r) => p.headings[r]);
      const rows: (string | undefined)[][] = [["Partnership action plan"]];
      const at = (cells: string[]) => [...Array<string | undefined>(p.startCol).fill(undefined), ...cells];
      const expected: { ref: string | null; action: string; lead: string; timescale: string }[] = [];
      let n = 0;
      p.groups.forEach((count, g) => {
        if (p.blocks || g === 0) {
          if (p.blocks) rows.push(at([`Priority ${g + 1}: theme ${g + 1}`]));
          rows.push(at(header));
        }
        for (let i = 1; i <= count; i++) {
          n++;
          const pick = (list: ReadonlyArray<string>, k: number) => list[(p.seed + n * k) % list.length].replace("{i}", String(n));
          const values: Record<Role, string> = {
            ref: refOf(p.refStyle, g + 1, p.refStyle === "plain" ? n : i),
            action: pick(ACTION_TEXTS, 3),
            timescale: pick(TIMESCALES, 5),
            lead: pick(LEADS, 7),
            progress: pick(PROGRESS, 11),
            comments: pick(COMMENTS, 13),
          };
          rows.push(at(roles.map((r) => values[r])));
          expected.push({ ref: p.refStyle === "none" ? null : values.ref.replace(/\.$/, ""), action: values.action, lead: values.lead, timescale: values.timescale });
        }
      });
      const grid: Grid = {
        name: "Plan",
        rows: rows.map((r) => r.map((text): Cell | undefined => (text === undefined || text === "" ? undefined : { kind: "text", text }))),
        merges: [],
        hiddenRows: [],
        protected: false,
      };
      const s = checkWorkbook([grid], { asOf: "2010-12-01", today: "2010-12-01", settings: DEFAULT_SETTINGS }).sheets[0];
      expect(s.sheet.notPlan).toBeNull();
      expect(s.actions.map((a) => ({ ref: a.action.ref, action: a.action.action.text, lead: a.action.lead.text, timescale: a.action.timescale.text }))).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});
