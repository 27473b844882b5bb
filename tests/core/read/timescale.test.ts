import { findDayDate, isPlaceholder, parseTimescale, } from "../../../src/core/read";
import type { DeadlineKind } from "../../../src/core/model";

type Case = [text: string, deadline: string | null, kind: DeadlineKind];

function expectCases(cases: Case[]): void {
  for (const [text, deadline, kind] of cases) {
    expect({ text, ...parseTimescale(text) }).toEqual({ text, deadline, kind });
  }
}

describe("parseTimescale: the table of timescale forms", () => {
  test("a day", () => {
    expectCases([
      ["1 st July 2009", "2009-07-01", "date"],
      ["31/03/2010", "2010-03-31", "date"],
      ["31.12.2010", "2010-12-31", "date"],
      ["1 Apr 09", "2009-04-01", "date"],
    ]);
  });

  test("a month: its last day", () => {
    expectCases([
      ["Dec 08", "2008-12-31", "month"],
      ["Apr-24", "2024-04-30", "month"],
      ["March 2010", "2010-03-31", "month"],
      ["end of March 2010", "2010-03-31", "month"],
      ["by Sept 09", "2009-09-30", "month"],
    ]);
  });

  test("quarters: financial with a slash (Q1 = Apr-Jun), calendar without", () => {
    expectCases([
      ["Q3 2009/10", "2009-12-31", "quarter"],
      ["Q4 2009/10", "2010-03-31", "quarter"],
      ["Q1 2009/10", "2009-06-30", "quarter"],
      ["Q2 2009/10", "2009-09-30", "quarter"],
      ["Q1 2010", "2010-03-31", "quarter"],
      ["Q4 2010", "2010-12-31", "quarter"],
    ]);
  });

  test("financial years end on 31 March", () => {
    expectCases([
      ["2009/10", "2010-03-31", "financial-year"],
      ["2009-10", "2010-03-31", "financial-year"],
      ["2009/2010", "2010-03-31", "financial-year"],
    ]);
  });

  test("a year: 31 December", () => {
    expectCases([["2010", "2010-12-31", "year"]]);
  });

  test("a range: its end, with the end's kind", () => {
    expectCases([
      ["April 2010 - March 2011", "2011-03-31", "month"],
      ["January – March 2023", "2023-03-31", "month"],
      ["January — March 2023", "2023-03-31", "month"],
      ["January - March 2023", "2023-03-31", "month"],
      ["April 2010 to March 2011", "2011-03-31", "month"],
      ["1 April 2010 - 31 March 2011", "2011-03-31", "date"],
      ["1/4/2010 – 31/3/2011", "2011-03-31", "date"],
      ["Q1 - Q2 2009/10", "2009-09-30", "quarter"],
      ["2009/10 - 2010/11", "2011-03-31", "financial-year"],
      ["from April 2010 to March 2011", "2011-03-31", "month"],
    ]);
  });

  test("recurring or continuing: ongoing, no deadline", () => {
    expectCases([
      ["1 Apr 08 ongoing", null, "ongoing"],
      ["ongoing", null, "ongoing"],
      ["Ongoing", null, "ongoing"],
      ["annually", null, "ongoing"],
      ["31 August (annually)", null, "ongoing"],
      ["every August", null, "ongoing"],
      ["quarterly", null, "ongoing"],
      ["monthly", null, "ongoing"],
      ["continuous", null, "ongoing"],
      ["on-going", null, "ongoing"],
      ["on going", null, "ongoing"],
      ["April 2010 onwards", null, "ongoing"],
    ]);
  });

  test("placeholders: missing", () => {
    expectCases([
      ["", null, "missing"],
      ["   ", null, "missing"],
      ["???", null, "missing"],
      ["?", null, "missing"],
      ["TBC", null, "missing"],
      ["TBA", null, "missing"],
      ["N/A", null, "missing"],
      ["to be revised", null, "missing"],
      ["To be completed", null, "missing"],
      ["-------", null, "missing"],
    ]);
  });

  test("anything else: unparsed", () => {
    expectCases([
      ["within three months of approval", null, "unparsed"],
      ["asap", null, "unparsed"],
      ["31 March", null, "unparsed"],
      ["March", null, "unparsed"],
      ["99", null, "unparsed"],
    ]);
  });
});

describe("parseTimescale: UK conventions", () => {
  test("day before month, never month first", () => {
    expectCases([
      ["03/04/2010", "2010-04-03", "date"],
      ["04/03/2010", "2010-03-04", "date"],
      ["1/2/2010", "2010-02-01", "date"],
      ["12/31/2010", null, "unparsed"],
      ["12-31-2010", null, "unparsed"],
    ]);
  });

  test("invalid days are unparsed, never rolled over", () => {
    expectCases([
      ["31/02/2010", null, "unparsed"],
      ["29/02/2010", null, "unparsed"],
      ["30 th Feb 2010", null, "unparsed"],
      ["31-Feb-2010", null, "unparsed"],
      ["31 April 2010", null, "unparsed"],
      ["0/3/2010", null, "unparsed"],
      ["32/03/2010", null, "unparsed"],
      ["15/13/2010", null, "unparsed"],
      ["2010-02-30", null, "unparsed"],
      ["29/02/2012", "2012-02-29", "date"],
    ]);
  });

  test("two-digit years are 20xx", () => {
    expectCases([
      ["31/03/10", "2010-03-31", "date"],
      ["1 Apr 99", "2099-04-01", "date"],
      ["Dec 00", "2000-12-31", "month"],
    ]);
  });

  test("ordinals, written together or apart", () => {
    expectCases([
      ["1st July 2009", "2009-07-01", "date"],
      ["2nd July 2009", "2009-07-02", "date"],
      ["3rd July 2009", "2009-07-03", "date"],
      ["13th May 2009", "2009-05-13", "date"],
      ["30 th April 2010", "2010-04-30", "date"],
      ["31 st Oct 2009", "2009-10-31", "date"],
      ["1 st Sept 2009", "2009-09-01", "date"],
      ["1st of May 2010", "2010-05-01", "date"],
    ]);
  });

  test("what officers type", () => {
    expectCases([
      ["Sept 2009", "2009-09-30", "month"],
      ["SEPT 09", "2009-09-30", "month"],
      ["sep 2009", "2009-09-30", "month"],
      ["September 2009", "2009-09-30", "month"],
      ["Sept. 2009", "2009-09-30", "month"],
      ["Mar '10", "2010-03-31", "month"],
      ["Feb 2012", "2012-02-29", "month"],
      ["Febuary 2010", "2010-02-28", "month"],
      ["03/2010", "2010-03-31", "month"],
      ["31st March 2010", "2010-03-31", "date"],
      ["31-Mar-2010", "2010-03-31", "date"],
      ["31-Mar-10", "2010-03-31", "date"],
      ["31 March, 2010", "2010-03-31", "date"],
      ["2010-03-31", "2010-03-31", "date"],
      ["2010-03-31T00:00:00.000Z", "2010-03-31", "date"],
      ["31/03/2010 00:00:00", "2010-03-31", "date"],
      ["March 31st, 2010", "2010-03-31", "date"],
      ["Wednesday 31st March 2010", "2010-03-31", "date"],
      ["1.4.09", "2009-04-01", "date"],
      ["31 - 03 - 2010", "2010-03-31", "date"],
      ["Q3 09/10", "2009-12-31", "quarter"],
      ["Q3 2009-10", "2009-12-31", "quarter"],
      ["Q3 2009/2010", "2009-12-31", "quarter"],
      ["Q3 (2009/10)", "2009-12-31", "quarter"],
      ["2009/10 Q3", "2009-12-31", "quarter"],
      ["Quarter 3 2009/10", "2009-12-31", "quarter"],
      ["q1 2010", "2010-03-31", "quarter"],
      ["FY 09/10", "2010-03-31", "financial-year"],
      ["financial year 2009/10", "2010-03-31", "financial-year"],
      ["1999/00", "2000-03-31", "financial-year"],
      ["2008-11", "2011-03-31", "financial-year"],
    ]);
  });

  test("a quarter of a year that is no financial year is unparsed", () => {
    expectCases([
      ["Q3 2009/11", null, "unparsed"],
      ["Q3 2010/09", null, "unparsed"],
      ["Q5 2010", null, "unparsed"],
      ["2010/09", null, "unparsed"],
    ]);
  });

  test("leading words and trailing punctuation are tolerated", () => {
    expectCases([
      ["by 31/03/2010", "2010-03-31", "date"],
      ["end of 2010", "2010-12-31", "year"],
      ["End March 2010", "2010-03-31", "month"],
      ["end-March 2010", "2010-03-31", "month"],
      ["by the end of March 2010", "2010-03-31", "month"],
      ["before 1 Apr 09", "2009-04-01", "date"],
      ["no later than 31 March 2010", "2010-03-31", "date"],
      ["Deadline: 31/03/2010", "2010-03-31", "date"],
      ["deadline 31/03/2010.", "2010-03-31", "date"],
      ["by Q3 2009/10", "2009-12-31", "quarter"],
      ["March 2010.", "2010-03-31", "month"],
      ["March 2010;", "2010-03-31", "month"],
      ["  31/03/2010  ", "2010-03-31", "date"],
      ["(March 2010)", "2010-03-31", "month"],
      ["'31/03/2010", "2010-03-31", "date"],
      ["to be completed by March 2010", "2010-03-31", "month"],
      ["31\u00a0March\u00a02010", "2010-03-31", "date"],
      ["31 March\n2010", "2010-03-31", "date"],
    ]);
  });

  test("case does not matter", () => {
    expectCases([
      ["16th OCT 2009", "2009-10-16", "date"],
      ["DEC 08", "2008-12-31", "month"],
      ["ONGOING", null, "ongoing"],
      ["tbc", null, "missing"],
    ]);
  });
});

describe("parseTimescale: the seeds' Time-scale cells", () => {
  test("every timescale in the two seed plans", () => {
    expectCases([
      ["1 st July 2009", "2009-07-01", "date"],
      ["1 st Sept 2009", "2009-09-01", "date"],
      ["1 Apr 08 ongoing", null, "ongoing"],
      ["???", null, "missing"],
      ["1 Apr 09", "2009-04-01", "date"],
      ["31 st Oct 2009", "2009-10-31", "date"],
      ["1 st June 2009", "2009-06-01", "date"],
      ["1 Apr 11", "2011-04-01", "date"],
      ["1 st April 2010", "2010-04-01", "date"],
      ["30 th April 2010", "2010-04-30", "date"],
      ["Mar 09", "2009-03-31", "month"],
      ["1 Apr 08", "2008-04-01", "date"],
      ["1 st Oct 2009", "2009-10-01", "date"],
      ["1 st May 2009", "2009-05-01", "date"],
      ["Dec 08", "2008-12-31", "month"],
    ]);
  });
});

describe("parseTimescale: never throws", () => {
  test("values that are not strings", () => {
    for (const v of [undefined, null, 42, {}, [], Symbol("x"), () => 1, NaN]) {
      expect(() => parseTimescale(v as unknown as string)).not.toThrow();
    }
    expect(parseTimescale(undefined as unknown as string)).toEqual({ deadline: null, kind: "missing" });
  });

  test("a very long string reads as unparsed (its cost is measured by npm run bench, not timed here)", () => {
    const long = "1 st - ".repeat(50_000);
    expect(parseTimescale(long).kind).toBe("unparsed");
    expect(findDayDate(long)).toBeNull();
  });
});

describe("isPlaceholder", () => {
  test.each([
    "", " ", "?", "???", "? ?", "TBC", "tbc.", "T.B.C.", "TBA", "TBD", "tbd", "N/A", "n/a", "NA", "to be revised",
    "To Be Revised", "to be completed", "To be completed.", "to be confirmed", "to be agreed", "Date TBC", "-", "--------",
    "Not known", "none",
  ])("%p is a placeholder", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  test.each(["1 Apr 09", "ongoing", "March 2010", "Gillian Douglas", "?New post", "to be completed by March 2010", "日本", "🙂", "0"])(
    "%p is not a placeholder",
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    },
  );
});

describe("findDayDate", () => {
  test.each<[string, string | null]>([
    ["Progress report Updated 13th May 2009", "2009-05-13"],
    ["Progress report updated 16th OCT 2009", "2009-10-16"],
    ["updated 31/03/2010", "2010-03-31"],
    ["1 Apr 09", "2009-04-01"],
    ["as at 31.12.2010.", "2010-12-31"],
    ["Report date: 1 st July 2009", "2009-07-01"],
    ["2010-03-31 report", "2010-03-31"],
    ["updated March 31, 2010", "2010-03-31"],
    ["Updated 31 March, 2010", "2010-03-31"],
    ["1 Apr 08 ongoing", "2008-04-01"],
    ["first 1 Apr 09 then 31/03/2010", "2009-04-01"],
    ["first 31/03/2010 then 1 Apr 09", "2010-03-31"],
    ["Invalid 31/02/2010 then 1 Apr 09", "2009-04-01"],
    ["03/04/2010", "2010-04-03"],
    ["12/31/2010", null],
    ["Dec 08", null],
    ["March 2010", null],
    ["Progress report", null],
    ["see 7.2.10 and 4.1.2", null],
    ["ref 7.2.10 updated 31.12.10", "2010-12-31"],
    ["", null],
    ["2010", null],
    ["Objective 3.1.1 amber", null],
    ["phone 0117 922 2000", null],
  ])("%p -> %p", (text, expected) => {
    expect(findDayDate(text)).toBe(expected);
  });

  test("never throws on values that are not strings", () => {
    expect(findDayDate(undefined as unknown as string)).toBeNull();
    expect(findDayDate(7 as unknown as string)).toBeNull();
  });
});

