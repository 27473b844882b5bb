/**
 * A table's columns come in one object shape: every role a key, undefined where the table has
 * none, whichever way the roles were decided (headings, content, the officer's map). The reader
 * asks every row about its table's columns, and one shape keeps that fast (docs/performance.md);
 * these tests hold the shape, and the readings that take a role away or list the columns in use.
 */
import { planColumns } from "../../../src/core/assess";
import { ROLE_NAMES, type TableHeader } from "../../../src/core/model";
import { columnsInUse, parseColumnMap, readPlanSheet, roleColumns } from "../../../src/core/read";
import { grid } from "../../helpers/grid";

const ROLES = Object.keys(ROLE_NAMES);
const keysOf = (t: TableHeader) => Object.keys(t.columns);

test("roleColumns gives every role, in one order, undefined where none is given; columnsInUse lists the columns given", () => {
  const columns = roleColumns({ timescale: 3, ref: 0, comments: 6 });
  expect(Object.keys(columns)).toEqual(ROLES);
  expect(columns).toMatchObject({ ref: 0, timescale: 3, comments: 6, action: undefined, progress: undefined });
  expect(columnsInUse(columns).sort()).toEqual([0, 3, 6]);
  expect(columnsInUse(roleColumns({}))).toEqual([]);
});

describe("every table the reader finds has the one shape", () => {
  test("roles from headings, a repeated header after a page break", () => {
    const s = readPlanSheet(
      grid("Plan", [
        ["Ref", "Action", "Timescale", "Lead"],
        ["1.1", "Agree the protocol", "Sep 2010", "Chair"],
        ["Ref", "Action", "Timescale", "Lead"],
        ["1.2", "Train staff", "Mar 2011", "Trainer"],
      ])
    );
    expect(s.tables).toHaveLength(2);
    for (const t of s.tables) expect(keysOf(t)).toEqual(ROLES);
    expect(columnsInUse(s.tables[1].columns)).toEqual([0, 1, 2, 3]);
  });

  test("roles from content, and a role the content takes away (a Priority column of levels is no group) stays a key, undefined", () => {
    const s = readPlanSheet(
      grid("Actions", [
        ["ID", "Action Item", "Owner", "Due Date", "Priority", "Status", "Notes"],
        ["AI-1", "Book the venue", "Sam", "2010-07-01", "High", "Open", ""],
        ["AI-2", "Send invitations", "Jo", "2010-07-15", "Med", "Cancelled", "Event merged with the AGM"],
        ["AI-3", "Draft the agenda", "Sam", "2010-06-20", "Low", "Blocked", ""],
      ])
    );
    const t = s.tables[0];
    expect(keysOf(t)).toEqual(ROLES);
    expect("objective" in t.columns && t.columns.objective === undefined).toBe(true);
    expect(columnsInUse(t.columns)).not.toContain(4);
    expect(s.actions).toHaveLength(3);
  });

  test("a Progress column of narrative turned into the comments: progress stays a key, undefined", () => {
    const t = readPlanSheet(
      grid("Plan", [
        ["Ref", "Action", "Timescale", "Lead", "Progress"],
        ["1.1", "Agree the protocol", "Sep 2010", "Chair", "Meeting held with partners in June; draft circulated for comment"],
        ["1.2", "Train staff in all agencies", "Mar 2011", "Trainer", "Training venue booked and first two courses are now full"],
      ])
    ).tables[0];
    expect(keysOf(t)).toEqual(ROLES);
    expect([t.columns.progress, t.columns.comments]).toEqual([undefined, 4]);
  });

  test("roles from the officer's map, and a table only the map finds", () => {
    const mapped = readPlanSheet(
      grid("Plan", [
        ["Item", "Notes", "When"],
        ["Hold a summit", "Venue booked", "Mar 2011"],
        ["Write the plan", "First draft out", "Jun 2011"],
      ]),
      parseColumnMap("Action=A,Progress comments=B")
    );
    expect(mapped.tables.length).toBeGreaterThan(0);
    for (const t of mapped.tables) expect(keysOf(t)).toEqual(ROLES);
    const mapOnly = readPlanSheet(grid("Plan", [["Things to do"], ["Hold a summit"], ["Write the plan"]]), parseColumnMap("Action=A,plan=yes"));
    expect(mapOnly.tables).toHaveLength(1);
    expect(keysOf(mapOnly.tables[0])).toEqual(ROLES);
    expect(mapOnly.actions.map((a) => a.action.text)).toEqual(["Hold a summit", "Write the plan"]);
  });
});

test("the column plan names both of the product's columns, undefined where none is added", () => {
  const g = grid("Plan", [
    ["Ref", "Action", "Timescale", "Lead", "Progress"],
    ["1.1", "Agree the protocol", "Sep 2010", "Chair", "On track"],
  ]);
  const plan = planColumns(readPlanSheet(g), g);
  expect(plan.added).toEqual({ progress: undefined, rag: 5 });
  expect(Object.keys(plan.added)).toEqual(["progress", "rag"]);
  expect(Object.keys(plan.created)).toEqual(["progress", "rag"]);
  expect(plan.created.rag).toBe(5);
});
