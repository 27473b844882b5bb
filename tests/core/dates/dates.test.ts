import {
  addDays,
  dayNumber,
  daysBetween,
  daysInMonth,
  endOfMonth,
  financialYearEndOf,
  formatDay,
  fromDayNumber,
  fromExcelSerial,
  fromUtcDate,
  isIsoDate,
  isoDate,
  isValidDay,
  localDay,
  MONTH_NAMES,
  toExcelSerial,
} from "../../../src/core/dates";

describe("isValidDay", () => {
  test("real days, including 29 February of leap years", () => {
    expect(isValidDay(2009, 7, 1)).toBe(true);
    expect(isValidDay(2009, 12, 31)).toBe(true);
    expect(isValidDay(2008, 2, 29)).toBe(true);
    expect(isValidDay(2000, 2, 29)).toBe(true);
  });

  test("days that do not exist: 29 February outside leap years (1900 is none), 31 April, day 0, month 0 or 13", () => {
    expect(isValidDay(2009, 2, 29)).toBe(false);
    expect(isValidDay(1900, 2, 29)).toBe(false);
    expect(isValidDay(2009, 4, 31)).toBe(false);
    expect(isValidDay(2009, 1, 0)).toBe(false);
    expect(isValidDay(2009, 0, 1)).toBe(false);
    expect(isValidDay(2009, 13, 1)).toBe(false);
  });

  test("years 1000-9999 only, and whole numbers only", () => {
    expect(isValidDay(1000, 1, 1)).toBe(true);
    expect(isValidDay(9999, 12, 31)).toBe(true);
    expect(isValidDay(999, 12, 31)).toBe(false);
    expect(isValidDay(10000, 1, 1)).toBe(false);
    expect(isValidDay(2009, 1.5, 1)).toBe(false);
    expect(isValidDay(2009, 1, 1.5)).toBe(false);
    expect(isValidDay(Number.NaN, 1, 1)).toBe(false);
  });
});

describe("months", () => {
  test("daysInMonth and endOfMonth, February by leap year", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2009, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2008, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(endOfMonth(2009, 2)).toBe("2009-02-28");
    expect(endOfMonth(2012, 2)).toBe("2012-02-29");
    expect(endOfMonth(2009, 12)).toBe("2009-12-31");
  });

  test("the month names, January first", () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[8], MONTH_NAMES[11]]).toEqual(["January", "September", "December"]);
  });
});

describe("ISO dates", () => {
  test("isoDate pads year, month and day", () => {
    expect(isoDate(2009, 7, 1)).toBe("2009-07-01");
    expect(isoDate(2009, 11, 30)).toBe("2009-11-30");
    expect(isoDate(999, 1, 2)).toBe("0999-01-02");
  });

  test("isIsoDate: the form YYYY-MM-DD of a real day, nothing else", () => {
    expect(isIsoDate("2009-07-01")).toBe(true);
    expect(isIsoDate("2008-02-29")).toBe(true);
    expect(isIsoDate("2009-02-29")).toBe(false);
    expect(isIsoDate("2009-7-1")).toBe(false);
    expect(isIsoDate("2009-07-01T00:00")).toBe(false);
    expect(isIsoDate(" 2009-07-01")).toBe(false);
    expect(isIsoDate("01/07/2009")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("day numbers and arithmetic", () => {
  test("dayNumber counts from 1970-01-01, and fromDayNumber reads it back", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2009-05-13")).toBe(14377);
    expect(fromDayNumber(14377)).toBe("2009-05-13");
    expect(fromDayNumber(-1)).toBe("1969-12-31");
    for (const d of ["1000-01-01", "1899-12-30", "2008-02-29", "2038-01-20", "9999-12-31"]) expect(fromDayNumber(dayNumber(d))).toBe(d);
  });

  test("daysBetween is negative when the second date is earlier, 0 on the same day", () => {
    expect(daysBetween("2009-05-13", "2009-06-12")).toBe(30);
    expect(daysBetween("2009-06-12", "2009-05-13")).toBe(-30);
    expect(daysBetween("2009-05-13", "2009-05-13")).toBe(0);
    expect(daysBetween("2008-02-28", "2008-03-01")).toBe(2);
    expect(daysBetween("2009-02-28", "2009-03-01")).toBe(1);
  });

  test("addDays crosses months, years and leap days, forward and back", () => {
    expect(addDays("2009-01-31", 1)).toBe("2009-02-01");
    expect(addDays("2008-02-28", 1)).toBe("2008-02-29");
    expect(addDays("2009-12-31", 1)).toBe("2010-01-01");
    expect(addDays("2009-03-01", -1)).toBe("2009-02-28");
    expect(addDays("2009-05-13", 0)).toBe("2009-05-13");
    expect(addDays("2009-05-13", 90)).toBe("2009-08-11");
  });
});

describe("Excel serials", () => {
  test("serial 40000 is 6 July 2009, and back", () => {
    expect(fromExcelSerial(40000)).toBe("2009-07-06");
    expect(toExcelSerial("2009-07-06")).toBe(40000);
    expect(toExcelSerial("1899-12-30")).toBe(0);
    expect(toExcelSerial("1970-01-01")).toBe(25569);
  });

  test("the time of day is dropped: the whole-day part counts", () => {
    expect(fromExcelSerial(40000.99)).toBe("2009-07-06");
    expect(fromExcelSerial(40000.01)).toBe("2009-07-06");
  });

  test("from 1 March 1900 on, serials are right (Excel's phantom 29 February 1900 is not a day here)", () => {
    expect(fromExcelSerial(61)).toBe("1900-03-01");
    expect(fromExcelSerial(0)).toBe("1899-12-30");
  });

  test("no date for what is not a finite serial or falls outside years 1000-9999", () => {
    expect(fromExcelSerial(Number.NaN)).toBeNull();
    expect(fromExcelSerial(Number.POSITIVE_INFINITY)).toBeNull();
    expect(fromExcelSerial(toExcelSerial("1000-01-01"))).toBe("1000-01-01");
    expect(fromExcelSerial(toExcelSerial("1000-01-01") - 1)).toBeNull();
    expect(fromExcelSerial(toExcelSerial("9999-12-31"))).toBe("9999-12-31");
    expect(fromExcelSerial(toExcelSerial("9999-12-31") + 1)).toBeNull();
  });
});

/**
 * A clock reading as seen in a time zone `hours` ahead of UTC: its local fields (year, month, day)
 * are those of that zone, its UTC fields and its time those of the reading (the tests run in any zone).
 */
class ZonedDate extends Date {
  constructor(utc: number, private readonly hours: number) {
    super(utc);
  }
  private shifted(): Date {
    return new Date(this.getTime() + this.hours * 3_600_000);
  }
  override getFullYear(): number {
    return this.shifted().getUTCFullYear();
  }
  override getMonth(): number {
    return this.shifted().getUTCMonth();
  }
  override getDate(): number {
    return this.shifted().getUTCDate();
  }
}

describe("fromUtcDate", () => {
  test("in a zone 12 hours ahead, 13:00 UTC on 1 July is still 1 July", () => {
    expect(fromUtcDate(new ZonedDate(Date.UTC(2009, 6, 1, 13, 0), 12))).toBe("2009-07-01");
  });

  test("the day is read in UTC, whatever the time", () => {
    expect(fromUtcDate(new Date(Date.UTC(2009, 6, 1, 0, 0)))).toBe("2009-07-01");
    expect(fromUtcDate(new Date(Date.UTC(2009, 6, 1, 23, 59, 59)))).toBe("2009-07-01");
    expect(fromUtcDate(new Date("2009-07-01T23:30:00-02:00"))).toBe("2009-07-02");
  });

  test("null for an invalid date or a year outside 1000-9999", () => {
    expect(fromUtcDate(new Date("not a date"))).toBeNull();
    expect(fromUtcDate(new Date(Date.UTC(10000, 0, 1)))).toBeNull();
    expect(fromUtcDate(new Date(Date.UTC(999, 11, 31)))).toBeNull();
  });
});

describe("formatDay", () => {
  test("the short UK form: day without a leading zero, three-letter month, full year", () => {
    expect(formatDay("2009-07-01")).toBe("1 Jul 2009");
    expect(formatDay("2009-10-16")).toBe("16 Oct 2009");
    expect(formatDay("2010-09-30")).toBe("30 Sep 2010");
    expect(formatDay("2011-01-05")).toBe("5 Jan 2011");
  });
});

describe("localDay", () => {
  test("the local day, not the UTC one: 13:00 UTC on 13 May is 14 May 12 hours ahead, 12 May 14 hours behind", () => {
    expect(localDay(new ZonedDate(Date.UTC(2009, 4, 13, 13, 0), 12))).toBe("2009-05-14");
    expect(localDay(new ZonedDate(Date.UTC(2009, 4, 13, 13, 0), -14))).toBe("2009-05-12");
  });

  test("the day a clock reading falls on in the local time zone", () => {
    expect(localDay(new Date(2009, 4, 13, 0, 0, 0))).toBe("2009-05-13");
    expect(localDay(new Date(2009, 4, 13, 23, 59, 59))).toBe("2009-05-13");
    expect(localDay(new Date(2008, 1, 29, 12))).toBe("2008-02-29");
  });
});

test("financialYearEndOf: the 31 March ending the April-to-March year a date falls in", () => {
  expect(financialYearEndOf("2010-04-01")).toBe("2011-03-31");
  expect(financialYearEndOf("2011-03-31")).toBe("2011-03-31");
  expect(financialYearEndOf("2010-12-25")).toBe("2011-03-31");
  expect(financialYearEndOf("2011-01-01")).toBe("2011-03-31");
});

test("dayNumber from the digits agrees with the calendar on every day from 1900 to 2100", () => {
  const start = Math.round(Date.UTC(1900, 0, 1) / 86_400_000);
  const end = Math.round(Date.UTC(2100, 11, 31) / 86_400_000);
  let wrong = 0;
  for (let n = start; n <= end; n++) {
    const t = new Date(n * 86_400_000);
    const iso = `${String(t.getUTCFullYear()).padStart(4, "0")}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
    if (dayNumber(iso as ReturnType<typeof fromDayNumber>) !== n) wrong++;
  }
  expect(wrong).toBe(0);
  expect(dayNumber("1970-01-01")).toBe(0);
  expect(dayNumber("2000-02-29")).toBe(11016);
});
