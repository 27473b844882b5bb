/** Tables found from content (README.md, "Which plans it reads"): headers, roles, refs of any style, plans without refs, sheets that are not plans. */
import { checkWorkbook } from "../../../src/core/commands";
import { checkJson } from "../../../src/core/views";
import { planRefresh } from "../../../src/core/edits";
import { DEFAULT_SETTINGS, type ColumnMaps, type Settings } from "../../../src/core/model";
import { headingRole, isHeadingLabel, parseColumnMap, readPlanSheet } from "../../../src/core/read";
import { grid, italic, type Plain } from "../../helpers/grid";

const OPTIONS = { asOf: "2010-06-30", today: "2010-06-30", settings: DEFAULT_SETTINGS };
const check = (g: ReturnType<typeof grid>, settings: Settings = DEFAULT_SETTINGS) => checkWorkbook([g], { ...OPTIONS, settings });

describe("data rows full of heading words are data", () => {
  const rows: Plain[][] = [["Community safety plan 2010-11"], ["Ref", "Action", "Deadline", "Lead", "Measure", "Status"]];
  for (let i = 1; i <= 40; i++) rows.push([String(i), `Action ${i} text`, i % 2 ? "31/03/2011" : "TBC", `Lead ${i}`, "Measure", i % 3 ? "On track" : "Progress"]);
  const sheet = readPlanSheet(grid("Plan", rows));

  test("one header, 40 actions", () => {
    expect(sheet.tables.map((t) => t.row)).toEqual([1]);
    expect(sheet.actions).toHaveLength(40);
    expect(sheet.actions[3]).toMatchObject({ ref: "4", action: { text: "Action 4 text" }, lead: { text: "Lead 4" } });
  });

  test("a row of short data labels without a ref or date is still data when it does not read as headings", () => {
    const g = grid("Plan", [
      ["Action", "Deadline", "Lead"],
      ["Action planning workshop", "ongoing", "Lead officer for housing"],
      ["Review the lead role", "TBC", "Lead member"],
    ]);
    expect(readPlanSheet(g).actions.map((a) => a.action.text)).toEqual(["Action planning workshop", "Review the lead role"]);
  });
});

describe("where tables stand", () => {
  test("a table starting in column C, its header repeated after a page break", () => {
    const header = [null, null, "No.", "Key milestones", "By when", "Who"];
    const g = grid("Plan", [
      header,
      [null, null, "A1", "Agree the strategy", "Mar 2011", "Chair"],
      [null, null, "A2", "Publish it", "Apr 2011", "Comms"],
      [null, null, "Progress report updated 16th OCT 2010"],
      header,
      [null, null, "A3", "Launch event", "May 2011", "Chair"],
    ]);
    const sheet = readPlanSheet(g);
    expect(sheet.tables.map((t) => [t.row, t.firstCol])).toEqual([[0, 2], [4, 2]]);
    expect(sheet.actions.map((a) => [a.ref, a.action.text])).toEqual([["A1", "Agree the strategy"], ["A2", "Publish it"], ["A3", "Launch event"]]);
    expect(sheet.reportDate).toBe("2010-10-16");
  });

  test("group rows inside one table: numbered headings and Priority lines", () => {
    const g = grid("Plan", [
      ["Ref", "Description of action", "Target date", "Responsible officer"],
      ["3. Acceptable Use Policy"],
      ["3.1", "Draft the policy", "Dec 2010", "IT manager"],
      ["3.2", "Consult staff", "Feb 2011", "HR"],
      ["Priority 4: Training"],
      ["4.1", "Train staff", "Q4 2010/11", "HR"],
    ]);
    const sheet = readPlanSheet(g);
    expect(sheet.actions.map((a) => [a.ref, a.objective?.label])).toEqual([
      ["3.1", "3. Acceptable Use Policy"],
      ["3.2", "3. Acceptable Use Policy"],
      ["4.1", "Priority 4"],
    ]);
    expect(sheet.objectives.map((o) => [o.ref, o.text])).toEqual([["3", "Acceptable Use Policy"], ["4", "Training"]]);
  });

  test("a flat table grouped by a Theme column", () => {
    const g = grid("Plan", [
      ["Theme", "Task", "Due", "Owner", "Status"],
      ["Housing", "Map empty homes", "Jan 2011", "Ann", "On track"],
      ["Housing", "Bring 20 homes back into use", "Mar 2012", "Ann", "Not started"],
      ["Health", "Run a flu campaign", "Nov 2010", "Bob", "Complete"],
    ]);
    const sheet = readPlanSheet(g);
    expect(sheet.layout).toBe("flat");
    expect(sheet.actions.map((a) => a.objective?.label)).toEqual(["Housing", "Housing", "Health"]);
  });
});

describe("column roles by heading and by content", () => {
  test("an unheaded column of dates is the Time-scale, a column of short ids left of the text the Ref", () => {
    const g = grid("Plan", [
      ["", "What we will do", "", "Lead agency", "Notes"],
      ["H1", "Open a winter shelter", "Nov 2010", "Council", "Funding agreed"],
      ["H2", "Extend the rent deposit scheme to all districts", "31/03/2011", "Council", ""],
      ["H3", "Publish the homelessness review", "Q4 2010/11", "Shelter", ""],
    ]);
    const sheet = readPlanSheet(g);
    const t = sheet.tables[0];
    expect(t.matches.map((m) => [m.role, m.col, m.by])).toEqual([
      ["ref", 0, "content"],
      ["action", 1, "heading"],
      ["timescale", 2, "content"],
      ["lead", 3, "heading"],
      ["comments", 4, "heading"],
    ]);
    expect(sheet.actions.map((a) => a.ref)).toEqual(["H1", "H2", "H3"]);
  });

  test("wide vocabulary: Key milestones, Description of action, Deadline, Action owner, S.No", () => {
    const g = grid("Plan", [
      ["S.No", "Description of action", "Deadline", "Action owner", "Current status"],
      ["1", "Set up the forum", "Sep 2010", "Ann", "Done"],
    ]);
    expect(readPlanSheet(g).tables[0].columns).toEqual({ ref: 0, action: 1, timescale: 2, lead: 3, progress: 4 });
  });
});

describe("headings about a period, with slashes and brackets", () => {
  test.each([
    ["Progress update (Q2)", "comments"],
    ["RAG rating (Q2)", "rag"],
    ["Status (Red/Amber/Green)", "progress"],
    ["Action Point", "action"],
    ["Actions/Tasks", "action"],
    ["Target/Deadline", "timescale"],
    ["Date Due", "timescale"],
    ["Timescale for completion", "timescale"],
    ["Lead Agency/Officer", "lead"],
    ["Partner(s)", "lead"],
    ["Responsibility", "lead"],
    ["Key Performance Indicator", "measures"],
  ])("%j is a heading of %s", (text, role) => {
    expect(isHeadingLabel(text)).toBe(true);
    expect(headingRole(text)).toBe(role);
  });

  test("a header with period headings reads every column", () => {
    const g = grid("Plan", [
      ["Ref", "Action Point", "Responsibility", "Timescale for completion", "Progress update (Q2)", "RAG rating (Q2)"],
      ["1", "Agree the protocol", "Chair", "Sep 2010", "Agreed in July", "Green"],
    ]);
    expect(readPlanSheet(g).tables[0].columns).toEqual({ ref: 0, action: 1, lead: 2, timescale: 3, comments: 4, rag: 5 });
  });
});

describe("plans without refs", () => {
  const g = grid("Plan", [
    ["Our plan for a greener borough"],
    ["Action", "Timescale", "Lead", "Resources"],
    ["Switch street lights to LED", "March 2011", "Highways", "£200K"],
    [italic("Contract let; installation under way")],
    ["Plant 1,000 trees", "Winter 2010/11", "Parks", "DONE"],
    ["Publish a carbon plan", "TBC", "Policy", ""],
  ]);
  const result = check(g);
  const s = result.sheets[0];

  test("each row with action text is an action, named by its row, ref null in JSON", () => {
    expect(s.actions.map((a) => [a.action.ref, a.action.row + 1, a.action.action.text])).toEqual([
      [null, 3, "Switch street lights to LED"],
      [null, 5, "Plant 1,000 trees"],
      [null, 6, "Publish a carbon plan"],
    ]);
    expect(checkJson(result).sheets[0].actions.map((a) => a.ref)).toEqual([null, null, null]);
  });

  test("no ref issues; messages name the row", () => {
    expect(s.issues.some((i) => i.code.startsWith("ref-") || (i.code === "column-missing" && i.message.includes("Ref")))).toBe(false);
    expect(s.issues.find((i) => i.code === "timescale-placeholder")?.message).toBe('The action in row 6 has "TBC" as its timescale.');
  });

  test("DONE typed beside an action, with no Progress column, is its progress", () => {
    expect(s.actions[1]).toMatchObject({ progress: "complete", rag: "green", progressSource: "status-cell" });
  });
});

describe("a flat tracker with a No. column and no dates", () => {
  const rows: Plain[][] = [["No.", "Task", "Owner", "Status", "Notes"]];
  for (let i = 1; i <= 37; i++) rows.push([i, `Task number ${i} for the project board`, "PM", i < 10 ? "Complete" : "In progress", i % 4 ? "" : "See minutes"]);
  test("reads all 37 tasks, the No. as the ref", () => {
    const s = check(grid("Tracker", rows)).sheets[0];
    expect(s.actions).toHaveLength(37);
    expect(s.actions[36].action.ref).toBe("37");
    expect(s.actions[0].progress).toBe("complete");
  });
});

describe("not every sheet is a plan", () => {
  const plan = grid("Plan", [["Ref", "Action", "Time-scale", "Lead"], ["1.1", "Do it", "2011", "Ann"]]);
  const data = grid("Data", [["Ref", "Lead", "Theme", "Budget"], ["1", "Ann", "Housing", 2000], ["2", "Bob", "Health", 3000]]);
  const risks = grid("Risks", [
    ["Risk", "Likelihood", "Impact", "Owner", "Mitigation actions", "Review date"],
    ["Funding cut", 3, 4, "Ann", "Seek other funds and lobby the board", "31/03/2011"],
  ]);

  test("listed with a reason in plain words, no actions", () => {
    const result = checkWorkbook([plan, data, risks], OPTIONS);
    const [, d, r] = result.sheets;
    expect(d.actions).toEqual([]);
    expect(d.issues.map((i) => [i.code, i.severity, i.message])).toEqual([["not-a-plan", "info", '"Data" is not a plan sheet: its table (Ref, Lead, Theme, Budget) has no Action column.']]);
    expect(r.issues[0].message).toBe('"Risks" is not a plan sheet: looks like a risk register: Likelihood, Impact, Mitigation actions columns.');
  });

  test("a table of figures whose headings carry years is data, not free text", () => {
    const kpis = grid("KPIs", [
      ["Indicator", "Baseline 2009/10", "Target 2010/11", "Q1", "Q2", "Direction of travel"],
      ["Repeat victims of domestic abuse", 120, 100, 30, 28, "Improving"],
      ["Cases heard at MARAC within 4 weeks", 0.8, 0.9, 0.85, 0.87, "Improving"],
    ]);
    const [k] = checkWorkbook([kpis], OPTIONS).sheets;
    expect(k.actions).toEqual([]);
    expect(k.issues.map((i) => i.message)).toEqual([expect.stringContaining('"KPIs": looks like data: a table of figures (Indicator, Baseline 2009/10, Target 2010/11, Q1, ...), no action table.')]);
  });

  test("never written to by Refresh", () => {
    const outcome = planRefresh(checkWorkbook([plan, data, risks], OPTIONS), { sheets: [], history: [] });
    expect(outcome.ok && outcome.sheets.map((s) => s.sheet)).toEqual(["Plan"]);
  });
});

describe("the column map the officer corrects", () => {
  const g = grid("Plan", [
    ["Item", "Notes", "Officer", "Date"],
    ["Hold a summit", "Venue booked", "Ann", "Sep 2010"],
    ["Write the plan", "Draft out", "Bob", "Mar 2011"],
  ]);

  test("--columns style text: roles by any heading that means them", () => {
    expect(parseColumnMap("Action=A, Time-scale=D; Lead=C, plan=yes")).toEqual({ columns: { action: 0, timescale: 3, lead: 2 }, plan: true });
    expect(() => parseColumnMap("Action")).toThrow('"Action" is not of the form Role=Column (for example Action=D)');
    expect(() => parseColumnMap("Colour=B")).toThrow('"Colour" is not a column the product knows');
  });

  test("a map puts the roles where the officer says, marked as decided by the map", () => {
    const maps: ColumnMaps = { "*": parseColumnMap("Action=A,Progress comments=B") };
    const s = check(g, { ...DEFAULT_SETTINGS, columnMaps: maps }).sheets[0];
    expect(s.sheet.tables[0].matches.filter((m) => m.by === "map").map((m) => [m.role, m.col, m.header])).toEqual([["action", 0, "Item"], ["comments", 1, "Notes"]]);
    expect(s.actions.map((a) => a.action.action.text)).toEqual(["Hold a summit", "Write the plan"]);
  });

  test("a map naming a column the sheet lacks is an issue naming the cell, never a crash", () => {
    const s = check(g, { ...DEFAULT_SETTINGS, columnMaps: { Plan: parseColumnMap("Action=A,Time-scale=Z") } }).sheets[0];
    expect(s.issues.find((i) => i.code === "column-map")).toMatchObject({ cell: "Z1", severity: "error", message: "The column map puts Time-scale in column Z, but column Z of this table is empty." });
  });

  test("a map can say a sheet is not a plan", () => {
    const s = check(g, { ...DEFAULT_SETTINGS, columnMaps: { Plan: { columns: {}, plan: false } } }).sheets[0];
    expect(s.sheet.notPlan).toBe("set as not a plan sheet in the column map");
    expect(s.actions).toEqual([]);
  });
});

describe("a plan of 10,000 actions whose texts use heading words", () => {
  test("reads all 10,000 actions under one header", () => {
    const rows: Plain[][] = [["Progress report updated 16th OCT 2009"], ["Ref", "Action", "Time-scale", "Lead", "Progress", "Comments"]];
    for (let i = 1; i <= 10000; i++) {
      rows.push([`${1 + (i % 9)}.${i}`, `Action ${i}: action the actions`, i % 5 ? "Q3 2009/10" : "Ongoing", `Lead ${i % 40}`, i % 7 ? "Progress" : "Status", "Comments"]);
    }
    const s = check(grid("Plan", rows)).sheets[0];
    expect(s.sheet.tables).toHaveLength(1);
    expect(s.actions).toHaveLength(10000);
    expect(s.actions[9999].action.action.text).toBe("Action 10000: action the actions");
  });
});

describe("a tracker's Priority column of levels is no group", () => {
  test("ID | Action Item | Owner | Due Date | Priority | Status | Notes", () => {
    const g = grid("Actions", [
      ["Category 1"],
      ["ID", "Action Item", "Owner", "Due Date", "Priority", "Status", "Notes"],
      ["AI-1", "Book the venue", "Sam", "2010-07-01", "High", "Open", ""],
      ["AI-2", "Send invitations", "Jo", "2010-07-15", "Med", "Cancelled", "Event merged with the AGM"],
      ["AI-3", "Draft the agenda", "Sam", "2010-06-20", "Low", "Blocked", ""],
    ]);
    const s = check(g).sheets[0];
    expect(s.sheet.tables[0].columns.objective).toBeUndefined();
    expect(s.actions.map((a) => [a.action.ref, a.action.objective?.label, a.progress, a.rag])).toEqual([
      ["AI-1", "Category 1", "on-track", "green"],
      ["AI-2", "Category 1", "closed", "closed"],
      ["AI-3", "Category 1", "stalled", "red"],
    ]);
  });
});

describe("what the content says about a row or a column", () => {
  test("a Progress column of narrative is the progress comments; a row opening with a date or Update: is a comment", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead", "Progress"],
      ["1.1", "Agree the protocol", "Sep 2010", "Chair", "Meeting held with partners in June; draft circulated for comment"],
      [null, "Update: partners signed up in August Green"],
      ["1.2", "Train staff in all agencies", "Mar 2011", "Trainer", "Training venue booked and first two courses are now full"],
      [null, "12/10/2010 - second course run"],
      ["1.3", "Publish the", "Dec 2010", "Comms", "Design agreed with the printers, copy with the board for sign-off"],
      [null, "leaflet in five languages"],
    ]);
    const s = check(g).sheets[0];
    const t = s.sheet.tables[0];
    expect(t.columns.progress).toBeUndefined();
    expect(t.matches.find((m) => m.col === 4)).toMatchObject({ role: "comments", by: "content" });
    expect(s.actions.map((a) => [a.action.ref, a.action.action.text, a.action.comments.length, a.progress])).toEqual([
      ["1.1", "Agree the protocol", 2, "on-track"],
      ["1.2", "Train staff in all agencies", 2, "not-reported"],
      ["1.3", "Publish the leaflet in five languages", 1, "not-reported"],
    ]);
  });
});

describe("rows that are not actions", () => {
  test("a legend under the table is no action; a bulleted line under a ref-less action continues it", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead"],
      ["1.1", "Agree the protocol", "Sep 2010", "Chair"],
      ["Green", "On track"],
      ["Red", "Deadline passed"],
    ]);
    expect(readPlanSheet(g).actions.map((a) => a.ref)).toEqual(["1.1"]);
    const refless = grid("Plan", [
      ["Action", "Timescale", "Lead"],
      ["Run the consultation:", "Sep 2010", "Policy"],
      ["- contact schools"],
      ["• publish the survey"],
      ["Report the results", "Dec 2010", "Policy"],
    ]);
    expect(readPlanSheet(refless).actions.map((a) => a.action.text)).toEqual(["Run the consultation: - contact schools • publish the survey", "Report the results"]);
  });
});

test("a Progress column of narrative beside a Status column: Status is the progress, Progress the comments", () => {
  const g = grid("Plan", [
    ["Ref", "Action", "Deadline", "Lead", "Progress", "Status"],
    ["1", "Open the hub", "Mar 2011", "Ann", "Lease signed and fit-out starts next month", "On track"],
    ["2", "Recruit volunteers", "Jan 2011", "Bob", "Advert out but only three replies so far", "Behind"],
  ]);
  const t = readPlanSheet(g).tables[0];
  expect([t.columns.progress, t.columns.comments]).toEqual([5, 4]);
});

describe("an Outcome column that groups the actions", () => {
  const rows = (outcomes: string[], withRef = false) =>
    grid("Plan", [
      withRef ? ["Outcome", "Ref", "Key milestones", "When", "Owner"] : ["Outcome", "Key milestones", "When", "Owner"],
      ...outcomes.map((o, i) => (withRef ? [o, `E${i + 1}`, `Milestone number ${i + 1} of the scheme`, "Mar 2012", "Policy"] : [o, `Milestone number ${i + 1} of the scheme`, "Mar 2012", "Policy"])),
    ]);

  test("first, left of the actions, a few short names repeated down the rows: the group (objective) column, decided by content", () => {
    const s = readPlanSheet(rows(["Fair access", "Fair access", "", "Safe communities", "Safe communities"]));
    const t = s.tables[0];
    expect([t.columns.objective, t.columns.measures]).toEqual([0, undefined]);
    expect(t.matches.find((m) => m.col === 0)).toMatchObject({ role: "objective", by: "content", header: "Outcome" });
    expect(s.actions.map((a) => a.objective?.label)).toEqual(["Fair access", "Fair access", "Fair access", "Safe communities", "Safe communities"]);
    expect(s.actions.every((a) => a.measures.text === "")).toBe(true);
  });

  test("the same with a Ref column beside it, where the headings alone would have settled the table", () => {
    const s = readPlanSheet(rows(["Fair access", "Fair access", "Safe communities", "Safe communities"], true));
    expect(s.tables[0].columns.objective).toBe(0);
    expect(s.actions.map((a) => [a.ref, a.objective?.label])).toEqual([["E1", "Fair access"], ["E2", "Fair access"], ["E3", "Safe communities"], ["E4", "Safe communities"]]);
  });

  test("outcome measures that differ row by row stay the measures, and so does an Outcome column right of the actions", () => {
    const distinct = readPlanSheet(rows(["Fewer repeat referrals", "More reports of hate crime", "Staff trained", "Data published"]));
    expect([distinct.tables[0].columns.objective, distinct.tables[0].columns.measures]).toEqual([undefined, 0]);
    const right = readPlanSheet(
      grid("Plan", [
        ["Ref", "Action", "Timescale", "Lead", "Outcome"],
        ["1", "Publish the data", "Jun 2011", "Policy", "Fair access"],
        ["2", "Train the staff", "Mar 2012", "HR", "Fair access"],
        ["3", "Open reporting centres", "Mar 2012", "Safety", "Fair access"],
      ])
    );
    expect([right.tables[0].columns.objective, right.tables[0].columns.measures]).toEqual([undefined, 4]);
    expect(right.actions[0].measures.text).toBe("Fair access");
  });
});

describe("two columns headed for the same role: the one an officer reads", () => {
  const headerOf = (headings: string[], row: (string | null)[]) => readPlanSheet(grid("Plan", [headings, row, row.map((c, i) => (i === 0 ? "A2" : c))])).tables[0];
  const roleCol = (headings: string[], row: (string | null)[], role: "timescale" | "progress" | "lead" | "comments") => headerOf(headings, row).columns[role];

  test("the revised date over the original; the current status over the previous", () => {
    expect(roleCol(["Ref", "Action", "Lead", "Target date", "Revised target date"], ["A1", "Open the hub", "Ann", "31/03/2024", "30/09/2024"], "timescale")).toBe(4);
    expect(roleCol(["Ref", "Action", "Lead", "Original target date", "Revised target date"], ["A1", "Open the hub", "Ann", "31/03/2024", "30/09/2024"], "timescale")).toBe(4);
    expect(roleCol(["Ref", "Action", "Lead", "Revised deadline", "Original deadline"], ["A1", "Open the hub", "Ann", "30/09/2024", "31/03/2024"], "timescale")).toBe(3);
    expect(roleCol(["Ref", "Action", "Lead", "Target date", "Previous status", "Current status"], ["A1", "Open the hub", "Ann", "31/03/2025", "Not started", "Complete"], "progress")).toBe(5);
  });

  test("of statuses or updates by period, the latest; of leads, the person over the body", () => {
    expect(roleCol(["Ref", "Action", "Lead", "Target date", "Q1 status", "Q2 status"], ["A1", "Open the hub", "Ann", "31/03/2025", "Not started", "Complete"], "progress")).toBe(5);
    expect(roleCol(["Ref", "Action", "Lead", "Target date", "Update Jun 11", "Update Sep 11"], ["A1", "Open the hub", "Ann", "31/03/2025", "Venue found", "Open"], "comments")).toBe(5);
    expect(roleCol(["Ref", "Action", "Lead agency", "Lead officer", "Target date"], ["A1", "Open the hub", "County Council", "Ann Patel", "31/03/2025"], "lead")).toBe(3);
    expect(roleCol(["Ref", "Action", "Lead officer", "Lead agency", "Target date"], ["A1", "Open the hub", "Ann Patel", "County Council", "31/03/2025"], "lead")).toBe(2);
    // Neither says more: the first keeps the role.
    expect(roleCol(["Ref", "Action", "Lead", "Owner", "Target date"], ["A1", "Open the hub", "Ann", "Bob", "31/03/2025"], "lead")).toBe(2);
  });

  test("a date the action was completed, or an actual date, is no deadline; a heading of milestone dates is", () => {
    expect(roleCol(["Ref", "Action", "Lead", "Date completed", "Target date", "Status"], ["A4", "Publish the strategy", "Ann", "02/10/2024", "31/10/2024", "Complete"], "timescale")).toBe(4);
    expect(roleCol(["Ref", "Action", "Lead", "Actual completion date", "Target completion date"], ["A4", "Publish the strategy", "Ann", "02/10/2024", "31/10/2024"], "timescale")).toBe(4);
    expect(roleCol(["Ref", "Key milestones", "Milestone dates", "Lead"], ["1.2", "Introduce a volunteering scheme", "Dec 11", "HR"], "timescale")).toBe(2);
    expect(roleCol(["Ref", "Action", "Key dates", "Lead"], ["1.2", "Introduce a volunteering scheme", "Dec 11", "HR"], "timescale")).toBe(2);
  });

  test("\"Progress (RAG)\" and \"Status / RAG\" are the officers' progress in colours; \"RAG status\" is the RAG column", () => {
    const t = headerOf(["Ref", "Action", "Lead", "Target date", "Progress (RAG)"], ["A1", "Open the hub", "Ann", "31/03/2025", "Achieved"]);
    expect([t.columns.progress, t.columns.rag]).toEqual([4, undefined]);
    expect(headerOf(["Ref", "Action", "Lead", "Target date", "Status / RAG"], ["A1", "Open the hub", "Ann", "31/03/2025", "Amber"]).columns.progress).toBe(4);
    expect(headerOf(["Ref", "Action", "Lead", "Target date", "RAG status"], ["A1", "Open the hub", "Ann", "31/03/2025", "Amber"]).columns.rag).toBe(4);
  });

  test("the unusual-order note is for a ref or group right of the action, or details left of it, not for details in any order", () => {
    const g = grid("Plan", [["Ref", "Action", "Lead", "Target date", "Resources"], ["1", "Open the hub", "Ann", "31/03/2025", "£5k"], ["2", "Close the old one", "Bob", "31/03/2026", "None"]]);
    expect(check(g).sheets[0].issues.map((i) => i.code)).not.toContain("header-order");
    const odd = grid("Plan", [["Action", "Ref", "Target date", "Lead"], ["Open the hub", "1", "31/03/2025", "Ann"], ["Close the old one", "2", "31/03/2026", "Bob"]]);
    expect(check(odd).sheets[0].issues.map((i) => i.code)).toContain("header-order");
  });
});

test("of status columns by period, the latest the rows fill in yet: an empty Q3 column prepared in advance waits its turn", () => {
  const g = grid("Plan", [
    ["Ref", "Action", "Lead", "Target date", "Q1 status", "Q2 status", "Q3 status"],
    ["A1", "Open the hub", "Ann", "31/03/2025", "Not started", "Complete", null],
    ["A2", "Train the staff", "Bob", "31/03/2025", "Not started", "In progress", null],
  ]);
  const s = check(g).sheets[0];
  expect(s.sheet.tables[0].matches.find((m) => m.role === "progress")).toMatchObject({ col: 5, header: "Q2 status" });
  expect(s.actions.map((a) => a.progress)).toEqual(["complete", "on-track"]);
});

test("a heading naming a role another column already holds leaves its column to the content: dates under a second Milestone heading are the Time-scale", () => {
  const g = grid("Plan", [
    ["Ref", "Milestones", "Milestone", "Lead"],
    ["1.1", "Introduce a volunteering scheme", "Dec 11", "HR"],
    ["1.2", "Recruit the first volunteers", "Mar 12", "HR"],
  ]);
  const t = readPlanSheet(g).tables[0];
  expect(t.columns.timescale).toBe(2);
  expect(t.matches.find((m) => m.col === 2)).toMatchObject({ role: "timescale", by: "content" });
});

describe("headings over two rows", () => {
  test("a table pasted from Word: \"Target\" over \"date\", \"Lead\" over \"officer\", in every block", () => {
    const twoRows = [["Ref", "Action", "Target", "Lead", "Progress"], ["", "", "date", "officer", ""]];
    const g = grid("Plan", [
      ["Objective 1"],
      ...twoRows,
      ["1.1", "Train PSHE leads in every school", "Spring term 2012", "PSHE Adviser", "Behind"],
      [],
      ["Objective 2"],
      ...twoRows,
      ["2.1", "Run a walking challenge", "Summer term 2011", "School Travel Officer", "Done"],
    ]);
    const s = check(g).sheets[0];
    expect(s.sheet.tables.map((t) => t.row)).toEqual([1, 6]);
    expect(s.sheet.tables[0].matches.map((m) => m.header)).toEqual(["Ref", "Action", "Target date", "Lead officer", "Progress"]);
    expect(s.actions.map((a) => [a.action.ref, a.action.objective?.label, a.deadline.deadline, a.action.lead.text, a.progress])).toEqual([
      ["1.1", "Objective 1", "2012-04-30", "PSHE Adviser", "slow"],
      ["2.1", "Objective 2", "2011-07-31", "School Travel Officer", "complete"],
    ]);
    expect(s.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("\"Current\" over \"status\", \"Latest\" over \"update\"; a note in brackets under a heading", () => {
    const s = check(
      grid("Tracker", [
        ["Ref", "Action", "Lead", "Target", "Current", "Latest"],
        [null, null, "officer", "date", "status", "update"],
        ["A1", "Open the family hub", "Ann Patel", "31/03/2011", "Complete", "Opened in March"],
        ["A2", "Recruit volunteers", "Bob Smith", "30/09/2011", "Delayed", "Advert out again"],
      ])
    ).sheets[0];
    expect(s.sheet.tables[0].columns).toMatchObject({ lead: 2, timescale: 3, progress: 4, comments: 5 });
    expect(s.actions.map((a) => a.progress)).toEqual(["complete", "slow"]);
    expect(s.issues.filter((i) => i.severity === "error")).toEqual([]);
    const key = check(grid("Plan", [["Ref", "Action", "Timescale", "Lead", "Progress"], [null, null, null, null, "(see key)"], ["1", "Open the hub", "Mar 2011", "Ann", "On track"]])).sheets[0];
    expect(key.sheet.tables[0].columns.progress).toBe(4);
    expect(key.actions.map((a) => a.progress)).toEqual(["on-track"]);
    expect(key.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a row of headings grouping the columns beneath (WHAT / WHO / WHEN, merged) is no header", () => {
    const g = grid(
      "Plan",
      [
        ["WHAT WE WILL DO", null, null, "WHO", null, "WHEN", null, "HOW ARE WE DOING", null],
        ["Ref", "Action", "Outcome / success measure", "Lead agency", "Lead officer", "Target date", "Date completed", "Status", "Progress commentary"],
        ["EH1", "Open the family hub", "Hub open", "Council", "Ann Patel", "31/03/2011", null, "In progress", "Lease signed"],
        ["EH2", "Train the staff", "Staff trained", "NHS", "Bob Smith", "30/09/2011", "01/09/2011", "Complete", "All trained"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }, { top: 0, left: 7, bottom: 0, right: 8 }] }
    );
    const s = check(g).sheets[0];
    expect(s.sheet.tables.map((t) => t.row)).toEqual([1]);
    expect(s.sheet.tables[0].columns).toMatchObject({ ref: 0, action: 1, lead: 4, timescale: 5, progress: 7, comments: 8 });
    expect(s.actions.map((a) => [a.action.ref, a.action.lead.text, a.progress])).toEqual([["EH1", "Ann Patel", "on-track"], ["EH2", "Bob Smith", "complete"]]);
    expect(s.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a header followed by a group row of two cells, or a first action without digits, is not joined to it", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead"],
      ["Theme", "Housing"],
      ["1", "Open the hub", "Mar 2011", "Ann"],
    ]);
    const s = readPlanSheet(g);
    expect(s.tables[0].matches.map((m) => m.header)).toEqual(["Ref", "Action", "Timescale", "Lead"]);
    expect(s.actions.map((a) => a.ref)).toEqual(["1"]);
  });
});

describe("an action wrapped over two rows with its timescale on the second", () => {
  test("the second row carries on the action: one action with the timescale and the whole lead", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead", "Progress"],
      ["4.1", "Publish the strategy", "Jun 2011", "Policy", "Complete"],
      ["4.2", "Agree an information-sharing protocol between", "", "Probation /", ""],
      ["", "police, probation and the council", "Dec 2011", "Police", "Delayed"],
      ["4.3", "Train the staff", "Mar 2012", "HR", "On track"],
    ]);
    const s = check(g).sheets[0];
    expect(s.actions.map((a) => [a.action.ref, a.action.action.text, a.action.timescale.text, a.action.lead.text])).toEqual([
      ["4.1", "Publish the strategy", "Jun 2011", "Policy"],
      ["4.2", "Agree an information-sharing protocol between police, probation and the council", "Dec 2011", "Probation / Police"],
      ["4.3", "Train the staff", "Mar 2012", "HR"],
    ]);
    expect(s.actions.map((a) => a.progress)).toEqual(["complete", "slow", "on-track"]);
  });

  test("a new action without a ref under an action without a timescale stays an action of its own", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead"],
      ["4.2", "Agree the protocol", "", "Probation"],
      ["", "Train the staff", "Dec 2011", "Police"],
    ]);
    expect(readPlanSheet(g).actions.map((a) => [a.ref, a.action.text, a.timescale.text])).toEqual([
      ["4.2", "Agree the protocol", ""],
      [null, "Train the staff", "Dec 2011"],
    ]);
  });
});

test("a group row numbered in the Ref column over actions numbered under it starts a group, typed as text or as a number", () => {
  for (const one of ["1.", 1]) {
    const g = grid("Plan", [
      ["No.", "Action", "Lead officer", "Target date", "Progress", "Comments"],
      [one, "Early help and family support"],
      ["1.1", "Open the family hub", "Ann", "31/03/2025", "In progress", ""],
      ["1.2", "Train the staff", "Bob", "31/03/2025", "Complete", ""],
      [2, "Housing"],
      ["2.1", "Extend the deposit scheme", "Cat", "31/03/2025", "Not started", ""],
    ]);
    const s = readPlanSheet(g);
    expect(s.actions.map((a) => [a.ref, a.objective?.label])).toEqual([
      ["1.1", "1. Early help and family support"],
      ["1.2", "1. Early help and family support"],
      ["2.1", "2. Housing"],
    ]);
  }
  // A whole-numbered action with nothing but its text, followed by the next action, stays an action.
  const flat = readPlanSheet(grid("Plan", [["No.", "Action", "Lead", "Target date"], ["1", "Agree the brief"], ["2", "Hold the event", "Ann", "31/03/2025"]]));
  expect(flat.actions.map((a) => a.ref)).toEqual(["1", "2"]);
});

describe("a column that records the action done", () => {
  test("a date in \"Date completed\" on or before the as-of date makes the action complete; a later one, or none, does not", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Lead", "Target date", "Date completed", "Comments"],
      ["A1", "Open the family hub", "Ann", "31/05/2010", "02/06/2010", "Opened in June"],
      ["A2", "Publish the strategy", "Bob", "31/05/2010", "", "Draft with the board"],
      ["A3", "Train the staff", "Cat", "31/12/2010", "30/07/2010", ""],
    ]);
    const s = check(g).sheets[0]; // as of 30 June 2010
    expect(s.sheet.tables[0].columns).toMatchObject({ timescale: 3, completed: 4, comments: 5 });
    expect(s.actions.map((a) => [a.action.ref, a.progress, a.rag])).toEqual([
      ["A1", "complete", "green"],
      ["A2", "not-reported", "red"],
      ["A3", "not-reported", "not-reported"],
    ]);
    expect(s.actions[0].reason).toBe('Complete ("02/06/2010" in the Completed column); deadline 31 May 2010');
  });

  test("\"Completed (Y/N)\" and \"Actual completion date\" are such columns; \"Completion date\" is a deadline; \"Complete?\" with Yes or No is the progress", () => {
    const yn = check(grid("Plan", [["Ref", "Action", "Lead", "Target date", "Completed (Y/N)"], ["A1", "Open the hub", "Ann", "30/09/2010", "Y"], ["A2", "Train the staff", "Bob", "31/12/2010", "N"]])).sheets[0];
    expect(yn.sheet.tables[0].columns.completed).toBe(4);
    expect(yn.actions.map((a) => a.progress)).toEqual(["complete", "not-reported"]);
    const actual = readPlanSheet(grid("Plan", [["Ref", "Action", "Lead", "Target completion date", "Actual completion date"], ["A1", "Open the hub", "Ann", "30/09/2010", "01/10/2010"]]));
    expect(actual.tables[0].columns).toMatchObject({ timescale: 3, completed: 4 });
    const deadline = readPlanSheet(grid("Plan", [["Ref", "Action", "Lead", "Completion date"], ["A1", "Open the hub", "Ann", "30/09/2010"]]));
    expect(deadline.tables[0].columns).toMatchObject({ timescale: 3, completed: undefined });
    const question = check(grid("Plan", [["Ref", "Action", "Lead", "Target date", "Complete?"], ["A1", "Open the hub", "Ann", "30/09/2010", "Yes"], ["A2", "Train the staff", "Bob", "31/12/2010", "No"]])).sheets[0];
    expect(question.sheet.tables[0].columns.progress).toBe(4);
    expect(question.actions.map((a) => a.progress)).toEqual(["complete", "not-reported"]);
    expect(question.issues.map((i) => i.code)).not.toContain("progress-unknown");
  });
});

test("an earlier quarter's update is not read: no status of the action's row is taken from it", () => {
  const g = grid("Plan", [
    ["Ref", "Action", "Lead", "Target date", "Q1 update (Apr-Jun)", "Q2 update (Jul-Sep)", "Q3 update (Oct-Dec)"],
    ["HW2", "Increase uptake of health checks", "PCT", "March 2011", "On track - Green", "Uptake 22%, behind target. Amber", ""],
    ["HW3", "Develop an alcohol strategy", "DAAT", "Dec 2010", "Not started - Red", "Consultant appointed; drafting under way - Green", ""],
  ]);
  const s = check(g).sheets[0];
  const t = s.sheet.tables[0];
  expect(t.columns.comments).toBe(5);
  expect(t.replaced).toEqual([4, 6]);
  expect(s.actions.map((a) => [a.progress, a.progressSource])).toEqual([
    ["slow", "comment-status-word"],
    ["on-track", "comment-status-word"],
  ]);
});

test("where an action leaves its revised date or its lead officer empty, the original date and the lead agency stand", () => {
  const g = grid("Plan", [
    ["Ref", "Action", "Lead agency", "Lead officer", "Target date", "Revised target date"],
    ["A1", "Open the family hub", "County Council", "Ann Patel", "30/06/2010", "31/12/2010"],
    ["A2", "Publish the strategy", "County Council", "", "31/07/2010", ""],
  ]);
  const s = readPlanSheet(g);
  expect(s.tables[0].columns).toMatchObject({ lead: 3, timescale: 5 });
  expect(s.tables[0].fallback).toEqual({ timescale: 4, lead: 2 });
  expect(s.actions.map((a) => [a.lead.text, a.timescale.text])).toEqual([
    ["Ann Patel", "31/12/2010"],
    ["County Council", "31/07/2010"],
  ]);
  expect(s.actions[1].timescale.col).toBe(5);
});

describe("rows an officer would not read as actions or comments", () => {
  test("a lead or timescale cell showing #REF! reads as empty: no return for \"#REF!\", and the issues say so", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead"],
      ["1", "Open the hub", { kind: "error", text: "#REF!" }, { kind: "error", text: "#REF!" }],
      ["2", "Train the staff", "Mar 2011", "Ann"],
    ]);
    const s = check(g).sheets[0];
    expect(s.actions.map((a) => [a.action.lead.text, a.action.timescale.text])).toEqual([["", ""], ["Ann", "Mar 2011"]]);
    expect(s.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(expect.arrayContaining(["D2 lead-missing", "C2 timescale-missing", "C2 cell-error"]));
  });

  test("a totals row's label is nobody's comment; a group heading \"1B ...\" starts a group; a comment opening with a date is a comment", () => {
    const g = grid(
      "Plan",
      [
        ["Ref", "Action", "Timescale", "Lead"],
        ["1", "Open the hub", "Mar 2011", "Ann"],
        ["Total"],
        ["1B Performance and quality assurance"],
        ["2", "Train the staff", "Mar 2011", "Bob"],
        ["1 Dec 2010, from Bob: first course run"],
      ],
      { merges: [{ top: 5, left: 0, bottom: 5, right: 3 }] }
    );
    const s = readPlanSheet(g);
    expect(s.actions.map((a) => [a.ref, a.objective?.label ?? null, a.comments.map((c) => c.text)])).toEqual([
      ["1", null, []],
      ["2", "1B Performance and quality assurance", ["1 Dec 2010, from Bob: first course run"]],
    ]);
  });
});
