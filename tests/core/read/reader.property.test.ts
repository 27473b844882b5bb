/** Random grids, random strings, random dates at the reader, the checker and the refresh planner: no crash, sane output. */
import fc from "fast-check";
import { checkJson } from "../../../src/core/views";
import { checkWorkbook } from "../../../src/core/commands";
import type { Area, Cell, Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { planRefresh } from "../../../src/core/edits";
import { HEADER } from "../../helpers/grid";

const plausible = fc.constantFrom(
  ...HEADER,
  "Objective 3.1",
  "Objective",
  "By April 2011 we aim to",
  "Progress report Updated 13th May 2009",
  "Action plan 2008-11 - Prevention",
  "Amber 3.1.1",
  "3.1.2",
  "4.1.2",
  "7.2.1",
  "???",
  "TBC",
  "1 st July 2009",
  "Dec 08",
  "Q3 2009/10",
  "ongoing",
  "-------",
  "Red",
  "GREEN",
  "Progress",
  "RAG",
  "Status",
  "Comments",
  "on hold",
  "complete",
  "=SUM(A1)",
  "#REF!",
);

const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: plausible.map((text): Cell => ({ kind: "text", text })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map((text): Cell => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map((text): Cell => ({ kind: "text", text, italic: true })) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map((n): Cell => ({ kind: "number", text: String(n), number: n })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -1000, max: 80000 }).map((n): Cell => ({ kind: "date", text: String(n), number: n, date: "2009-05-13" })),
  },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ kind: "error", text: "#REF!" }, { kind: "boolean", text: "TRUE" }, { kind: "empty", text: "" }) },
);

const areaArb: fc.Arbitrary<Area> = fc
  .tuple(fc.nat(40), fc.nat(12), fc.nat(3), fc.nat(8))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const gridArb: fc.Arbitrary<Grid> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 31 }),
  rows: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 45 }),
  merges: fc.array(areaArb, { maxLength: 6 }),
  hiddenRows: fc.array(fc.nat(50), { maxLength: 5 }),
  protected: fc.boolean(),
});

const dateArb = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("the reader never crashes", () => {
  test("random grids, dates and settings: check, JSON and refresh plan all succeed and stay consistent", () => {
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), fc.option(dateArb, { nil: null }), dateArb, fc.nat(400), fc.boolean(), (grids, asOf, today, w, brag) => {
        const check = checkWorkbook(grids, { asOf, today, settings: { ...DEFAULT_SETTINGS, amberWindowDays: w, brag } });
        const json = checkJson(check);
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
        for (const s of json.sheets) {
          expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          for (const a of s.actions) {
            expect(a.row).toBeGreaterThanOrEqual(1);
            expect(["red", "amber", "green", "blue", "not-reported"]).toContain(a.rag);
            expect(a.reason.length).toBeGreaterThan(0);
            if (a.deadline !== null) expect(a.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
          for (const i of s.issues) expect(i.cell).toMatch(/^([A-Z]{1,3}\d+)?$/);
        }
        const outcome = planRefresh(check, { sheets: grids.map((g) => ({ name: g.name, purpose: null })), history: [] });
        if (outcome.ok) {
          for (const e of outcome.sheets) for (const c of e.cells) expect(c.value).not.toMatch(/^=/);
        } else {
          expect(outcome.summary).toMatch(/^Nothing was written/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("arbitrary unicode text in every cell of an otherwise valid table", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary", maxLength: 60 }), { minLength: 7, maxLength: 7 }), { maxLength: 30 }), (rows) => {
        const grid: Grid = {
          name: "Plan",
          rows: [HEADER, ...rows].map((r) => r.map((text): Cell => ({ kind: "text", text }))),
          merges: [],
          hiddenRows: [],
          protected: false,
        };
        const check = checkWorkbook([grid], { asOf: "2009-05-13", today: "2009-05-13", settings: DEFAULT_SETTINGS });
        expect(check.sheets[0].sheet.tables.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
