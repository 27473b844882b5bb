/** The pane's pure parts: wording, grouping, validation, the state reducer, the theme choice. */
import {
  asOfCaption,
  countsInWords,
  excludedAfter,
  filterActions,
  groupIssues,
  issuesByHint,
  issueTarget,
  officerSays,
  parseDateInput,
  sheetAsOfCaption,
  sheetBox,
  unexpectedMessage,
  validateAmberWindow,
} from "../../src/taskpane/helpers";
import { ruleLines } from "../../src/core/assess";
import { INITIAL_STATE, paneReducer } from "../../src/taskpane/state";
import { luminance, themeKind } from "../../src/taskpane/theme";
import { sampleView } from "./fake-service";

describe("issues by hint", () => {
  test("issues of one kind with one hint run together, in the order first found", () => {
    const issue = (code: "comment-missing" | "lead-missing", cell: string, hint: string) => ({ code, severity: "warning" as const, sheet: "S", cell, message: cell, hint });
    const runs = issuesByHint([issue("comment-missing", "A1", "h1"), issue("lead-missing", "D2", "h2"), issue("comment-missing", "A3", "h1")]);
    expect(runs.map((r) => [r.hint, r.issues.map((i) => i.cell)])).toEqual([
      ["h1", ["A1", "A3"]],
      ["h2", ["D2"]],
    ]);
  });
});

describe("as-of wording", () => {
  test("report date, today, chosen", () => {
    expect(asOfCaption(null, { date: "2009-05-13", source: "report-date", sheet: "Prevention" })).toBe(
      "As of 13 May 2009 (report date on Prevention)",
    );
    expect(asOfCaption(null, { date: "2026-11-24", source: "today", sheet: null })).toBe(
      "As of 24 Nov 2026 (today: no report-date line on the active sheet)",
    );
    expect(asOfCaption("2009-06-30", { date: "2009-05-13", source: "report-date", sheet: "Prevention" })).toBe(
      "As of 30 Jun 2009 (chosen here, for every plan sheet)",
    );
    expect(asOfCaption(null, null)).toBe("Finding the report date…");
  });

  test("where the sheets read have different dates, each one; where one date, the usual line", () => {
    const fallback = { date: "2009-05-13", source: "report-date" as const, sheet: "Prevention" };
    const two = [
      { name: "Prevention", asOf: "2009-05-13" },
      { name: "Provision of Services", asOf: "2009-10-16" },
    ];
    expect(asOfCaption(null, fallback, two)).toBe("As of each sheet's own date: 13 May 2009 (Prevention), 16 Oct 2009 (Provision of Services)");
    expect(asOfCaption(null, fallback, [two[0], { name: "Other", asOf: "2009-05-13" }])).toBe("As of 13 May 2009 (report date on Prevention)");
    expect(asOfCaption("2009-06-30", fallback, two)).toBe("As of 30 Jun 2009 (chosen here, for every plan sheet)");
  });

  test("per sheet", () => {
    expect(sheetAsOfCaption({ asOf: "2009-10-16", reportDate: "2009-10-16" }, null)).toBe("as of 16 Oct 2009 (its report date)");
    expect(sheetAsOfCaption({ asOf: "2026-11-24", reportDate: null }, null)).toBe("as of 24 Nov 2026 (today; no report-date line)");
    expect(sheetAsOfCaption({ asOf: "2009-06-30", reportDate: "2009-10-16" }, "2009-06-30")).toBe("as of 30 Jun 2009");
  });

  test("date box", () => {
    expect(parseDateInput("2009-05-13")).toBe("2009-05-13");
    expect(parseDateInput("2009-02-30")).toBeNull();
    expect(parseDateInput("")).toBeNull();
    expect(parseDateInput("13/05/2009")).toBeNull();
  });
});

describe("results", () => {
  test("counts in words, Blue only where there are some", () => {
    expect(countsInWords({ red: 2, amber: 1, green: 0, blue: 0, "not-reported": 4 })).toBe("Red 2, Amber 1, Green 0, Not reported 4");
    expect(countsInWords({ red: 0, amber: 0, green: 0, blue: 3, "not-reported": 0 })).toBe("Red 0, Amber 0, Green 0, Blue 3, Not reported 0");
  });

  test("filter and officer's word", () => {
    const view = sampleView();
    expect(filterActions(view, "all")).toHaveLength(7);
    expect(filterActions(view, "red").map((a) => a.ref)).toEqual(["5.1.1", "6.1.1"]);
    const a411 = filterActions(view, "amber").find((a) => a.ref === "4.1.1");
    expect(a411 && officerSays(a411)).toBe("officer says Red");
    expect(officerSays({ officerWord: "green", disagrees: false })).toBeNull();
  });

  test("issues grouped by sheet then severity, errors first", () => {
    const groups = groupIssues(sampleView());
    expect(groups.map((g) => [g.sheet, g.bySeverity.map((s) => `${s.severity}:${s.issues.length}`)])).toEqual([
      ["Prevention", ["warning:1", "info:1"]],
      ["Provision of Services", ["error:1", "warning:1"]],
    ]);
    expect(issueTarget({ cell: "" })).toBe("A1");
    expect(issueTarget({ cell: "C59" })).toBe("C59");
  });

  test("unexpected failures are words with what to do, never the error", () => {
    for (const t of ["check", "refresh", "report", "fix", "select", "settings"] as const) {
      const m = unexpectedMessage(t);
      expect(m).toMatch(/\.$/);
      expect(m).toMatch(/try again|Check layout again/i);
    }
  });
});

describe("settings", () => {
  test("amber window 0-365 whole days", () => {
    expect(validateAmberWindow("30")).toEqual({ ok: true, days: 30 });
    expect(validateAmberWindow("0")).toEqual({ ok: true, days: 0 });
    expect(validateAmberWindow("365")).toEqual({ ok: true, days: 365 });
    for (const bad of ["366", "-1", "2.5", "", "ten", "1e2"]) expect(validateAmberWindow(bad).ok).toBe(false);
  });

  test("sheet boxes: detected ticked, excluded unticked, others disabled", () => {
    const out = new Set(["old plan"]);
    expect(sheetBox({ name: "Prevention", looksLikePlan: true, excluded: false }, out)).toEqual({ checked: true, enabled: true, note: null });
    expect(sheetBox({ name: "Old Plan", looksLikePlan: true, excluded: true }, out)).toEqual({ checked: false, enabled: true, note: null });
    expect(sheetBox({ name: "Notes", looksLikePlan: false, excluded: false }, out)).toEqual({
      checked: false,
      enabled: false,
      note: "no action table found",
    });
  });

  test("excluded list keeps sheets not listed now", () => {
    const choices = [
      { name: "Prevention", looksLikePlan: true, excluded: false },
      { name: "Provision", looksLikePlan: true, excluded: true },
    ];
    expect(excludedAfter(["Provision", "Archive 2007"], choices, new Set(["prevention"]))).toEqual(["Archive 2007", "Prevention"]);
  });

  test("rules in words follow the settings", () => {
    const plain = ruleLines(30, false);
    expect(plain.map((l) => l.word)).toEqual(["Red", "Amber", "Green", "Not reported"]);
    expect(plain[0].text).toContain("30 days away or less");
    const brag = ruleLines(1, true);
    expect(brag[0].word).toBe("Blue");
    expect(brag[1].text).toContain("1 day away or less");
  });
});

describe("state", () => {
  test("idle -> running -> results; a second start while running is ignored", () => {
    const running = paneReducer(INITIAL_STATE, { type: "start", task: "refresh" });
    expect(running.phase).toBe("running");
    expect(paneReducer(running, { type: "start", task: "check" })).toBe(running);
    const view = sampleView();
    const done = paneReducer(running, { type: "done", task: "refresh", outcome: { ok: true, message: "Done.", view } });
    expect(done.phase).toBe("results");
    expect(done.view).toBe(view);
    expect(done.notice).toEqual({ intent: "success", text: "Done." });
  });

  test("a refusal is an error that keeps the last results", () => {
    const view = sampleView();
    const shown = paneReducer(INITIAL_STATE, { type: "done", task: "check", outcome: { ok: true, message: "", view } });
    const refused = paneReducer(paneReducer(shown, { type: "start", task: "refresh" }), {
      type: "done",
      task: "refresh",
      outcome: { ok: false, message: "Sheet protected." },
    });
    expect(refused.phase).toBe("error");
    expect(refused.error).toBe("Sheet protected.");
    expect(refused.view).toBe(view);
    expect(paneReducer(refused, { type: "dismiss-error" }).phase).toBe("results");
  });

  test("a select failure while a task runs does not stop it", () => {
    const running = paneReducer(INITIAL_STATE, { type: "start", task: "report" });
    const s = paneReducer(running, { type: "failed", task: null, message: "Could not select." });
    expect(s.phase).toBe("running");
    expect(s.error).toBe("Could not select.");
  });
});

describe("theme", () => {
  test("high contrast first, then Office, then the browser", () => {
    expect(themeKind({ forcedColors: true, office: { isDarkTheme: false }, prefersDark: false })).toBe("high-contrast");
    expect(themeKind({ forcedColors: false, office: { isDarkTheme: true }, prefersDark: false })).toBe("dark");
    expect(themeKind({ forcedColors: false, office: { bodyBackgroundColor: "#262626" }, prefersDark: false })).toBe("dark");
    expect(themeKind({ forcedColors: false, office: { bodyBackgroundColor: "#FFFFFF" }, prefersDark: true })).toBe("light");
    expect(themeKind({ forcedColors: false, office: null, prefersDark: true })).toBe("dark");
    expect(themeKind({ forcedColors: false, office: null, prefersDark: false })).toBe("light");
    expect(luminance("#000000")).toBe(0);
    expect(luminance("nonsense")).toBeNull();
  });
});
