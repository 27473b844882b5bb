import { OWNED_LOOKS, TEXT_FORMAT, type OwnedStyle } from "../../../src/core/edits";

const ALL: OwnedStyle[] = ["title", "subtitle", "heading", "column-header", "text", "wrap", "number", "percent", "date", "note", "marker", "label", "change", "better", "worse", "days", "input"];

describe("how each kind of owned cell looks", () => {
  test("every style has a look", () => {
    expect(Object.keys(OWNED_LOOKS).sort()).toEqual([...ALL].sort());
  });

  test("cells of text are formatted as text, so nothing typed becomes a date or a formula", () => {
    expect(TEXT_FORMAT).toBe("@");
    const textual = ALL.filter((s) => !["number", "percent", "date", "change", "days"].includes(s));
    for (const s of textual) expect([s, OWNED_LOOKS[s].numberFormat]).toEqual([s, "@"]);
  });

  test("numbers, shares, dates and signed changes have their own formats", () => {
    expect(OWNED_LOOKS.number).toMatchObject({ numberFormat: "0", hAlign: "right" });
    expect(OWNED_LOOKS.percent).toMatchObject({ numberFormat: "0%", hAlign: "right" });
    expect(OWNED_LOOKS.date).toMatchObject({ numberFormat: "d mmm yyyy", hAlign: "left" });
    expect(OWNED_LOOKS.change).toMatchObject({ numberFormat: "+0;-0;0", hAlign: "right" });
    // a count of days says "days", so it is never read into the date beside it
    expect(OWNED_LOOKS.days).toMatchObject({ numberFormat: '0 "days";-0 "days ago"', hAlign: "right" });
  });

  test("table text is 10 point; a change for the worse is red text, for the better green, each bold", () => {
    for (const s of ["text", "wrap", "number", "percent", "date", "label", "change", "days", "column-header"] as const) expect([s, OWNED_LOOKS[s].size]).toEqual([s, 10]);
    expect(OWNED_LOOKS.worse).toMatchObject({ fontColor: "C00000", bold: true });
    expect(OWNED_LOOKS.better).toMatchObject({ fontColor: "00703C", bold: true });
  });

  test("the styles that wrap, and the titles' sizes", () => {
    expect(ALL.filter((s) => OWNED_LOOKS[s].wrap)).toEqual(["column-header", "wrap", "label", "better", "worse", "input"]);
    expect([OWNED_LOOKS.title.size, OWNED_LOOKS.heading.size, OWNED_LOOKS.subtitle.size]).toEqual([16, 13, 11]);
    expect(OWNED_LOOKS["column-header"]).toMatchObject({ bold: true, fill: "D9E1F2", border: true });
  });

  test("the marker is small white text, out of sight on a white sheet", () => {
    expect(OWNED_LOOKS.marker).toEqual({ fontColor: "FFFFFF", size: 8, numberFormat: "@" });
  });
});
