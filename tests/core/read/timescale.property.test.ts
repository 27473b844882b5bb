import fc from "fast-check";
import { MONTH_NAMES, daysInMonth, endOfMonth, isIsoDate, isoDate } from "../../../src/core/dates";
import { findDayDate, isPlaceholder, parseTimescale, } from "../../../src/core/read";
import type { DeadlineKind } from "../../../src/core/model";

const KINDS: readonly DeadlineKind[] = ["date", "month", "quarter", "financial-year", "year", "ongoing", "missing", "unparsed"];
const WITHOUT_DEADLINE: readonly DeadlineKind[] = ["ongoing", "missing", "unparsed"];

/** Pieces of real timescales, glued at random: near-misses exercise the grammar harder than random text. */
const TOKENS = [
  "1", "31", "03", "12", "2009", "10", "/", ".", "-", " - ", " ", "–", "—", "st", " th", "nd", "of", "Q3", "q", "2009/10",
  "March", "Sept", "sep", "Dec", "by ", "end of ", "to", "ongoing", "???", "TBC", ",", "'", "(", ")", ":", "T", "00:00",
  "\u00a0", "\n", "é", "日", "🙂", "\ud800",
];

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((parts) => parts.join("")),
  fc.tuple(fc.string({ unit: "binary", maxLength: 12 }), fc.integer({ min: 1, max: 20_000 })).map(([s, n]) => s.repeat(n)),
);

interface Day {
  y: number;
  m: number;
  d: number;
}

const plausibleYear = fc.integer({ min: 1900, max: 2099 });
const twentyFirstCenturyYear = fc.integer({ min: 2000, max: 2099 });

function dayIn(years: fc.Arbitrary<number>): fc.Arbitrary<Day> {
  return fc
    .tuple(years, fc.integer({ min: 1, max: 12 }))
    .chain(([y, m]) => fc.integer({ min: 1, max: daysInMonth(y, m) }).map((d) => ({ y, m, d })));
}

function ordinal(d: number): string {
  if (d % 100 >= 11 && d % 100 <= 13) return `${d}th`;
  return `${d}${["th", "st", "nd", "rd"][d % 10] ?? "th"}`;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const monthName = (m: number): string => MONTH_NAMES[m - 1];
const shortMonth = (m: number): string => monthName(m).slice(0, 3);
const yy = (y: number): string => pad2(y % 100);

/** Ways officers write a day with a four-digit year. */
const FULL_YEAR_FORMATS: ReadonlyArray<(t: Day) => string> = [
  ({ y, m, d }) => `${d}/${m}/${y}`,
  ({ y, m, d }) => `${pad2(d)}/${pad2(m)}/${y}`,
  ({ y, m, d }) => `${d}.${m}.${y}`,
  ({ y, m, d }) => `${pad2(d)}.${pad2(m)}.${y}`,
  ({ y, m, d }) => `${d}-${m}-${y}`,
  ({ y, m, d }) => `${d} ${shortMonth(m)} ${y}`,
  ({ y, m, d }) => `${d} ${monthName(m)} ${y}`,
  ({ y, m, d }) => `${ordinal(d)} ${monthName(m)} ${y}`,
  ({ y, m, d }) => `${d} ${ordinal(d).slice(-2)} ${monthName(m)} ${y}`,
  ({ y, m, d }) => `${ordinal(d)} ${shortMonth(m)} ${y}`,
  ({ y, m, d }) => `${pad2(d)}-${shortMonth(m)}-${y}`,
  ({ y, m, d }) => `${d} ${monthName(m)}, ${y}`,
  ({ y, m, d }) => `${monthName(m)} ${d}, ${y}`,
  ({ y, m, d }) => `${monthName(m)} ${ordinal(d)} ${y}`,
  ({ y, m, d }) => isoDate(y, m, d),
];

/** Ways officers write a day with a two-digit year (always 20xx). */
const SHORT_YEAR_FORMATS: ReadonlyArray<(t: Day) => string> = [
  ({ y, m, d }) => `${d}/${m}/${yy(y)}`,
  ({ y, m, d }) => `${pad2(d)}.${pad2(m)}.${yy(y)}`,
  ({ y, m, d }) => `${d} ${shortMonth(m)} ${yy(y)}`,
  ({ y, m, d }) => `${ordinal(d)} ${monthName(m)} ${yy(y)}`,
  ({ y, m, d }) => `${pad2(d)}-${shortMonth(m)}-${yy(y)}`,
];

/** Changes the letter case at random, as officers do ("16th OCT 2009"). */
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
);
const leading = fc.constantFrom("", "by ", "By ", "before ", "no later than ", "Deadline: ", "  ");
const trailing = fc.constantFrom("", ".", " ", ";", "!");

const renderedDay = fc.oneof(
  fc.tuple(dayIn(plausibleYear), fc.constantFrom(...FULL_YEAR_FORMATS)),
  fc.tuple(dayIn(twentyFirstCenturyYear), fc.constantFrom(...SHORT_YEAR_FORMATS)),
);

describe("parseTimescale: properties", () => {
  test("never throws; the kind is known; a deadline is null or a valid ISO date, and null exactly when the kind has none", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseTimescale(text);
        expect(KINDS).toContain(result.kind);
        if (result.deadline === null) expect(WITHOUT_DEADLINE).toContain(result.kind);
        else {
          expect(isIsoDate(result.deadline)).toBe(true);
          expect(WITHOUT_DEADLINE).not.toContain(result.kind);
        }
        expect(Object.keys(result).sort()).toEqual(["deadline", "kind"]);
      }),
      { numRuns: 1000 },
    );
  });

  test("a day written in any common way reads back as that day", () => {
    fc.assert(
      fc.property(renderedDay, casing, leading, trailing, ([day, format], cased, before, after) => {
        const text = before + cased(format(day)) + after;
        expect(parseTimescale(text)).toEqual({ deadline: isoDate(day.y, day.m, day.d), kind: "date" });
      }),
      { numRuns: 1000 },
    );
  });

  test("numbers are read day first: d/m/yyyy is month m", () => {
    fc.assert(
      fc.property(dayIn(plausibleYear), ({ y, m, d }) => {
        expect(parseTimescale(`${d}/${m}/${y}`).deadline).toBe(isoDate(y, m, d));
      }),
    );
  });

  test("a day that does not exist is unparsed, never rolled over", () => {
    const impossible = fc
      .tuple(plausibleYear, fc.integer({ min: 1, max: 12 }))
      .chain(([y, m]) => fc.integer({ min: daysInMonth(y, m) + 1, max: 31 + 8 }).map((d) => ({ y, m, d })))
      .filter(({ d }) => d <= 99);
    const formats = [...FULL_YEAR_FORMATS.slice(0, 12)];
    fc.assert(
      fc.property(impossible, fc.constantFrom(...formats), (day, format) => {
        expect(parseTimescale(format(day))).toEqual({ deadline: null, kind: "unparsed" });
      }),
    );
  });

  test("a month that does not exist is unparsed (no month-first reading)", () => {
    fc.assert(
      fc.property(plausibleYear, fc.integer({ min: 1, max: 31 }), fc.integer({ min: 13, max: 99 }), (y, d, m) => {
        expect(parseTimescale(`${d}/${m}/${y}`)).toEqual({ deadline: null, kind: "unparsed" });
        expect(parseTimescale(`${pad2(d)}.${m}.${y}`)).toEqual({ deadline: null, kind: "unparsed" });
      }),
    );
  });

  test("a month and year read as the month's last day", () => {
    const formats: ReadonlyArray<(y: number, m: number) => string> = [
      (y, m) => `${shortMonth(m)} ${y}`,
      (y, m) => `${monthName(m)} ${y}`,
      (y, m) => `${shortMonth(m)}-${yy(y)}`,
      (y, m) => `${shortMonth(m)} ${yy(y)}`,
      (y, m) => `end of ${monthName(m)} ${y}`,
      (y, m) => `by ${monthName(m)} ${yy(y)}`,
    ];
    fc.assert(
      fc.property(twentyFirstCenturyYear, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...formats), casing, (y, m, format, cased) => {
        expect(parseTimescale(cased(format(y, m)))).toEqual({ deadline: endOfMonth(y, m), kind: "month" });
      }),
    );
  });

  test("a financial-year quarter ends three months after the one before, Q1 ending in June", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2098 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (y, q, longEnd) => {
        const text = `Q${q} ${y}/${longEnd ? y + 1 : yy(y + 1)}`;
        const expected = q === 4 ? endOfMonth(y + 1, 3) : endOfMonth(y, 3 + 3 * q);
        expect(parseTimescale(text)).toEqual({ deadline: expected, kind: "quarter" });
      }),
    );
  });

  test("a financial year ends on 31 March of its second year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2098 }), fc.constantFrom("/", "-"), fc.boolean(), (y, sep, longEnd) => {
        const text = `${y}${sep}${longEnd ? y + 1 : yy(y + 1)}`;
        expect(parseTimescale(text)).toEqual({ deadline: isoDate(y + 1, 3, 31), kind: "financial-year" });
      }),
    );
  });

  test("a range reads as its end", () => {
    fc.assert(
      fc.property(
        dayIn(plausibleYear),
        dayIn(plausibleYear),
        fc.constantFrom(" - ", "-", " – ", "–", " — ", " to "),
        fc.constantFrom(...FULL_YEAR_FORMATS),
        (a, b, sep, format) => {
          expect(parseTimescale(`${format(a)}${sep}${format(b)}`)).toEqual({ deadline: isoDate(b.y, b.m, b.d), kind: "date" });
        },
      ),
    );
  });

  test("a placeholder in any case, with any punctuation around it, is missing", () => {
    const words = ["TBC", "tba", "TBD", "N/A", "to be revised", "to be completed", "to be confirmed", "?", ""];
    fc.assert(
      fc.property(fc.constantFrom(...words), casing, fc.constantFrom("", "?", "???", ".", " ", "-", "!"), (word, cased, punct) => {
        const text = punct + cased(word) + punct;
        expect(isPlaceholder(text)).toBe(true);
        expect(parseTimescale(text)).toEqual({ deadline: null, kind: "missing" });
      }),
    );
  });

  test("whatever isPlaceholder accepts parses as missing", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        if (isPlaceholder(text)) expect(parseTimescale(text)).toEqual({ deadline: null, kind: "missing" });
      }),
      { numRuns: 500 },
    );
  });
});

describe("findDayDate: properties", () => {
  test("never throws; null or a valid ISO date", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = findDayDate(text);
        expect(found === null || isIsoDate(found)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("finds a day written in any common way inside a report-date line or comment", () => {
    fc.assert(
      fc.property(
        renderedDay,
        casing,
        fc.constantFrom("Progress report updated ", "Progress report Updated ", "", "Updated: ", "(", "As at "),
        fc.constantFrom("", ".", " - comments follow", ")", ", next review 2011"),
        ([day, format], cased, before, after) => {
          expect(findDayDate(before + cased(format(day)) + after)).toBe(isoDate(day.y, day.m, day.d));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("returns the first day when a text holds two", () => {
    fc.assert(
      fc.property(renderedDay, renderedDay, ([a, fa], [b, fb]) => {
        expect(findDayDate(`Updated ${fa(a)}; previously ${fb(b)}`)).toBe(isoDate(a.y, a.m, a.d));
      }),
    );
  });
});
