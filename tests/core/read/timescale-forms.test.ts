/** The timescale forms officers write, each example a test. */
import { parseTimescale } from "../../../src/core/read";
import type { DeadlineKind } from "../../../src/core/model";

type Case = [text: string, deadline: string | null, kind: DeadlineKind];

const AS_OF = "2010-06-15";

describe.each<[string, Case[]]>([
  [
    "a day: week commencing, an Excel serial",
    [
      ["w/c 5th July 2010", "2010-07-05", "date"],
      ["Week commencing 5 July 2010", "2010-07-05", "date"],
      ["40602", "2011-02-28", "date"],
    ],
  ],
  [
    "a month: MM/YYYY, two months joined",
    [
      ["03/2011", "2011-03-31", "month"],
      ["June/July 2010", "2010-07-31", "month"],
      ["Feb/Mar 2011", "2011-03-31", "month"],
    ],
  ],
  [
    "seasons and school terms: the last day of the last month",
    [
      ["Summer 2010", "2010-08-31", "month"],
      ["Autumn 2010", "2010-11-30", "month"],
      ["Winter 2010/11", "2011-02-28", "month"],
      ["Spring 2011", "2011-05-31", "month"],
      ["Autumn term 2010", "2010-12-31", "month"],
      ["Spring term 2011", "2011-04-30", "month"],
      ["Summer term 2011", "2011-07-31", "month"],
    ],
  ],
  [
    "quarters of the financial year",
    [
      ["Q3 10/11", "2010-12-31", "quarter"],
      ["2010-11 Q4", "2011-03-31", "quarter"],
      ["End Q2 2010/11", "2010-09-30", "quarter"],
    ],
  ],
  [
    "the financial year the as-of date falls in",
    [
      ["by end of financial year", "2011-03-31", "financial-year"],
      ["year end", "2011-03-31", "financial-year"],
      ["End of year", "2011-03-31", "financial-year"],
    ],
  ],
  [
    "a quarter with no year: that quarter of the financial year the as-of date falls in; Christmas",
    [
      ["Q2", "2010-09-30", "quarter"],
      ["End of Q3", "2010-12-31", "quarter"],
      ["by end Q4", "2011-03-31", "quarter"],
      ["Quarter 1", "2010-06-30", "quarter"],
      ["by Christmas 2011", "2011-12-25", "date"],
      ["Xmas 2010", "2010-12-25", "date"],
    ],
  ],
  [
    "a date with a note in brackets after it",
    [
      ["Nov 11 (revised)", "2011-11-30", "month"],
      ["April 2012 (Cabinet date tbc)", "2012-04-30", "month"],
      ["July 2012\n(end of summer term)", "2012-07-31", "month"],
      ["31/03/2011 (subject to funding)", "2011-03-31", "date"],
    ],
  ],
  [
    "a year, a range, a revised date",
    [
      ["During 2011", "2011-12-31", "year"],
      ["Sept 10 to Jan 11", "2011-01-31", "month"],
      ["January – March 2023", "2023-03-31", "month"],
      ["Dec 2010 (revised from Sept 2010)", "2010-12-31", "month"],
      ["Mar 11 (was Dec 10)", "2011-03-31", "month"],
      ["Sept 2010 revised to Dec 2010", "2010-12-31", "month"],
    ],
  ],
  [
    "recurring, continuing or open-ended",
    [
      ["1 Apr 08 ongoing", null, "ongoing"],
      ["Ongoing - reviewed quarterly", null, "ongoing"],
      ["31 August (annually)", null, "ongoing"],
      ["every August", null, "ongoing"],
      ["every summer term", null, "ongoing"],
      ["quarterly", null, "ongoing"],
      ["six-monthly", null, "ongoing"],
      ["From April 2010", null, "ongoing"],
      ["With immediate effect", null, "ongoing"],
      ["Immediate", null, "ongoing"],
    ],
  ],
  [
    "missing",
    [
      ["TBA", null, "missing"],
      ["to be revised", null, "missing"],
      ["TBC (awaiting funding)", null, "missing"],
      ["will be reviewed", null, "missing"],
    ],
  ],
  [
    "anything else",
    [
      ["within three months of approval", null, "unparsed"],
      ["before the next inspection", null, "unparsed"],
    ],
  ],
])("%s", (_name, cases) => {
  test.each(cases)("%j", (text, deadline, kind) => {
    expect(parseTimescale(text, AS_OF)).toEqual({ deadline, kind });
  });
});

test("the financial year of the as-of date: before April it is the year that ends that March", () => {
  expect(parseTimescale("year end", "2011-02-01")).toEqual({ deadline: "2011-03-31", kind: "financial-year" });
  expect(parseTimescale("year end", "2011-04-01")).toEqual({ deadline: "2012-03-31", kind: "financial-year" });
  // without an as-of date there is nothing to count from
  expect(parseTimescale("year end")).toEqual({ deadline: null, kind: "unparsed" });
  expect(parseTimescale("Q2", "2011-02-01")).toEqual({ deadline: "2010-09-30", kind: "quarter" });
  expect(parseTimescale("Q2", "2011-04-01")).toEqual({ deadline: "2011-09-30", kind: "quarter" });
  expect(parseTimescale("Q4")).toEqual({ deadline: null, kind: "unparsed" });
});

test("a number that is not a plausible date serial is not a date", () => {
  expect(parseTimescale("12345").kind).toBe("unparsed");
  expect(parseTimescale("99999").kind).toBe("unparsed");
});
