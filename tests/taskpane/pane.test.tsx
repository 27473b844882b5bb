/** @jest-environment jsdom */
/**
 * The task pane's states against a fake service: idle, running, results, issues, filter, error,
 * outside Excel, settings saved and read back, the one-click fix.
 */
import { OfficerError } from "../../src/core/common";
import type { Issue } from "../../src/core/model";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Root } from "../../src/taskpane/components/Root";
import { FakePlanService, Gate } from "./fake-service";
import { installBrowserStubs } from "./dom-stubs";

installBrowserStubs();

async function renderPane(service = new FakePlanService()) {
  const utils = render(<Root service={service} />);
  // Ready when the workbook's date has been read.
  await screen.findByText("As of 13 May 2009 (report date on Prevention)");
  return { service, ...utils };
}

const button = (name: string | RegExp) => screen.getByRole("button", { name });

describe("idle", () => {
  test("shows the as-of date and where it came from, and the three commands enabled", async () => {
    const { service } = await renderPane();
    expect(screen.getByLabelText(/As-of date/)).toHaveProperty("value", "2009-05-13");
    expect(screen.getByText(/Each plan sheet uses its own report-date line/)).toBeTruthy();
    for (const name of ["Check layout", "Refresh RAG", "Build board report"]) expect(button(name)).toHaveProperty("disabled", false);
    expect(screen.queryByTestId("results")).toBeNull();
    expect(screen.getByText(/Choose Check layout to read your plan sheets/)).toBeTruthy();
    expect(service.callsOf("check")).toHaveLength(0);
  });

  test("today as the default says so", async () => {
    const service = new FakePlanService();
    service.asOf = { date: "2026-11-24", source: "today", sheet: null };
    render(<Root service={service} />);
    expect(await screen.findByText("As of 24 Nov 2026 (today: no report-date line on the active sheet)")).toBeTruthy();
  });

  test("a date picked by the officer is used for every sheet, and can be put back", async () => {
    const { service } = await renderPane();
    fireEvent.change(screen.getByLabelText(/As-of date/), { target: { value: "2009-06-30" } });
    expect(screen.getByText("As of 30 Jun 2009 (chosen here, for every plan sheet)")).toBeTruthy();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    expect(service.callsOf("check")[0].asOf).toBe("2009-06-30");
    fireEvent.click(button("Use each sheet's report date"));
    // the sheets read have different dates: the top line gives each one
    expect(screen.getByTestId("as-of-caption").textContent).toBe("As of each sheet's own date: 13 May 2009 (Prevention), 16 Oct 2009 (Provision of Services)");
    fireEvent.click(button("Check layout"));
    await waitFor(() => expect(service.callsOf("check")).toHaveLength(2));
    expect(service.callsOf("check")[1].asOf).toBeNull();
  });
});

describe("running", () => {
  test("buttons disabled and a spinner while a command runs; it cannot be started twice", async () => {
    const service = new FakePlanService();
    service.gate = new Gate();
    await renderPane(service);
    fireEvent.click(button("Refresh RAG"));
    const spinner = await screen.findByRole("progressbar");
    expect(spinner.parentElement?.textContent).toContain("Refreshing RAG statuses…");
    expect(screen.getByRole("status").textContent).toBe("Refreshing RAG statuses…");
    for (const name of ["Check layout", "Refresh RAG", "Build board report"]) expect(button(name)).toHaveProperty("disabled", true);
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    fireEvent.click(button("Refresh RAG"));
    fireEvent.click(button("Check layout"));
    expect(service.callsOf("refresh")).toHaveLength(1);
    expect(service.callsOf("check")).toHaveLength(0);
    await act(async () => service.gate?.open());
    await screen.findByTestId("results");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(button("Refresh RAG")).toHaveProperty("disabled", false);
  });
});

describe("results", () => {
  test("counts by status per sheet and in total, as badges with words and numbers", async () => {
    await renderPane();
    fireEvent.click(button("Refresh RAG"));
    const results = await screen.findByTestId("results");
    expect(within(results).getByText("All plan sheets: 7 actions")).toBeTruthy();
    const total = within(results).getByRole("list", { name: /^All plan sheets/ });
    expect(within(total).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Red 2", "Amber 2", "Green 1", "Not reported 2"]);
    const prevention = screen.getByTestId("sheet-counts-Prevention");
    expect(prevention.textContent).toContain("Prevention: 4 actions");
    expect(prevention.textContent).toContain("as of 13 May 2009 (its report date)");
    expect(within(prevention).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Red 0", "Amber 2", "Green 1", "Not reported 1"]);
    const provision = screen.getByTestId("sheet-counts-Provision of Services");
    expect(provision.textContent).toContain("as of 16 Oct 2009 (its report date)");
    expect(within(provision).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Red 2", "Amber 0", "Green 0", "Not reported 1"]);
    // The service's own words, and the live region for screen readers.
    expect(screen.getByTestId("notice").textContent).toContain("RAG refreshed on 2 sheets");
    // The result once: the counts are not read out a second time from the service's message.
    expect(screen.getByRole("status").textContent).toBe("RAG refreshed. 7 actions: Red 2, Amber 2, Green 1, Not reported 2. 1 error, 2 warnings, 1 note.");
  });

  test("actions listed with status, reason and the officer's differing word; a click selects the cell", async () => {
    const { service } = await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const items = screen.getAllByTestId("action-item");
    expect(items).toHaveLength(7);
    const a411 = items.find((i) => i.textContent?.includes("4.1.1"));
    expect(a411?.textContent).toContain("Amber");
    expect(a411?.textContent).toContain("Progress stalled; ongoing, no deadline");
    expect(a411?.textContent).toContain("Officer says Red");
    expect(items.filter((i) => i.textContent?.includes("Officer says"))).toHaveLength(1);
    fireEvent.click(a411!);
    await waitFor(() => expect(service.callsOf("select")).toEqual([{ name: "select", sheet: "Prevention", cell: "A45" }]));
  });

  test("actions filter by status", async () => {
    await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const filter = screen.getByLabelText("Show actions");
    fireEvent.change(filter, { target: { value: "red" } });
    let items = screen.getAllByTestId("action-item");
    expect(items.map((i) => i.textContent?.match(/\d\.\d\.\d/)?.[0])).toEqual(["5.1.1", "6.1.1"]);
    fireEvent.change(filter, { target: { value: "green" } });
    items = screen.getAllByTestId("action-item");
    expect(items.map((i) => i.textContent?.match(/\d\.\d\.\d/)?.[0])).toEqual(["3.2.1"]);
    fireEvent.change(filter, { target: { value: "blue" } }); // not offered without BRAG: stays as it was
    fireEvent.change(filter, { target: { value: "all" } });
    expect(screen.getAllByTestId("action-item")).toHaveLength(7);
  });

  test("a refresh shows the sheets as its outcome says they are now, with no second check", async () => {
    const service = new FakePlanService();
    const after = { ...service.view, sheets: service.view.sheets.slice(0, 1) };
    service.outcomes.refresh = { ok: true, message: "RAG refreshed.", counts: after.counts, view: after };
    await renderPane(service);
    fireEvent.click(button("Refresh RAG"));
    await screen.findByTestId("results");
    expect(service.callsOf("check")).toHaveLength(0);
    expect(screen.queryByTestId("sheet-counts-Provision of Services")).toBeNull();
    expect(screen.getByTestId("sheet-counts-Prevention")).toBeTruthy();
  });

  test("board report: the service's message is shown", async () => {
    const { service } = await renderPane();
    fireEvent.click(button("Build board report"));
    expect((await screen.findByTestId("notice")).textContent).toBe("Board Report and By Lead sheets built from 2 plan sheets.");
    expect(service.callsOf("buildReport")).toEqual([{ name: "buildReport", asOf: null }]);
  });

  test("board report: an Open button shows the sheet the report is on, and the result is announced once", async () => {
    const service = new FakePlanService();
    service.outcomes.buildReport = {
      ok: true,
      message: 'RAG refreshed for 7 actions: Red 2, Amber 2, Green 1, Not reported 2. Board report built on "Board Report (2)" and "By Lead": 7 actions, Red 2, Amber 2, Green 1, Not reported 2.',
      counts: service.view.counts,
      view: service.view,
      opens: "Board Report (2)",
    };
    await renderPane(service);
    fireEvent.click(button("Build board report"));
    fireEvent.click(await screen.findByRole("button", { name: "Open Board Report (2)" }));
    await waitFor(() => expect(service.callsOf("select")).toEqual([{ name: "select", sheet: "Board Report (2)", cell: "A1" }]));
    const live = screen.getByRole("status").textContent ?? "";
    expect(live).toBe('Board report built. It is on the sheet "Board Report (2)". 7 actions: Red 2, Amber 2, Green 1, Not reported 2. 1 error, 2 warnings, 1 note.');
    expect(live.match(/Red 2/g)).toHaveLength(1);
  });

  test("no Open button after a command that makes no sheet", async () => {
    await renderPane();
    fireEvent.click(button("Refresh RAG"));
    await screen.findByTestId("notice");
    expect(screen.queryByTestId("open-sheet")).toBeNull();
  });

  test("the issues come before the actions", async () => {
    await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const issues = screen.getByTestId("section-issues");
    const actions = screen.getByTestId("section-actions");
    expect(issues.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("a long action's full text can be read: Show full text expands it", async () => {
    const service = new FakePlanService();
    const long = "Develop an action plan to assure Prevention, Provision of Services and Protection and Justice for people from all equalities groups involved in DVA to access relevant services";
    service.view = { ...service.view, sheets: service.view.sheets.map((sh, i) => (i === 0 ? { ...sh, actions: sh.actions.map((a, j) => (j === 0 ? { ...a, action: long } : a)) } : sh)) };
    await renderPane(service);
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const more = screen.getByRole("button", { name: /^Show full text of / });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    const text = screen.getAllByTestId("action-text").find((t) => t.textContent === long);
    expect(text).toBeTruthy();
    const clamped = text?.className;
    fireEvent.click(more);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("button", { name: /^Show less of / })).toBe(more);
    expect(text?.className).not.toBe(clamped);
    // only the long one gets the link
    expect(screen.getAllByRole("button", { name: /^Show (full text|less) of / })).toHaveLength(1);
  });
});

describe("issues", () => {
  test("a hint repeated by several issues of a kind is given once, above them", async () => {
    const service = new FakePlanService();
    const hint = "Add a line on progress under the action before the report goes to the board.";
    const missing = ["A39", "A53", "A59"].map((cell): Issue => ({ code: "comment-missing", severity: "warning", sheet: "Provision of Services", cell, message: `The action at ${cell} has no progress comment.`, hint }));
    service.view = { ...service.view, sheets: service.view.sheets.map((sh) => (sh.name === "Provision of Services" ? { ...sh, issues: [...sh.issues, ...missing] } : sh)) };
    await renderPane(service);
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const warnings = screen.getByTestId("issues-Provision of Services-warning");
    expect(within(warnings).getAllByText(`What to do for these 3: ${hint}`)).toHaveLength(1);
    expect(warnings.textContent?.split(hint)).toHaveLength(2);
    for (const cell of ["A39", "A53", "A59"]) expect(within(warnings).getByText(`The action at ${cell} has no progress comment.`)).toBeTruthy();
  });

  test("grouped by sheet and severity with message and hint; clicking one selects its cell", async () => {
    const { service } = await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    const prevention = screen.getByTestId("issues-Prevention");
    expect(within(prevention).getByRole("heading", { level: 3 }).textContent).toBe("Prevention (2)");
    expect(within(prevention).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["Warnings (1)", "Information (1)"]);
    const warnings = screen.getByTestId("issues-Prevention-warning");
    expect(warnings.textContent).toContain('4.1.2 has "???" as its timescale.');
    expect(warnings.textContent).toContain("What to do: Replace the placeholder with a real date");
    const provision = screen.getByTestId("issues-Provision of Services");
    expect(within(provision).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["Errors (1)", "Warnings (1)"]);
    fireEvent.click(within(warnings).getByRole("button", { name: "Go to C59 on Prevention" }));
    await waitFor(() => expect(service.callsOf("select")).toEqual([{ name: "select", sheet: "Prevention", cell: "C59" }]));
    // Keyboard: the go-to controls are real buttons, reachable with Tab and pressed with Enter.
    const go = within(provision).getByRole("button", { name: "Go to A50 on Provision of Services" });
    expect(go.tagName).toBe("BUTTON");
    expect(go.getAttribute("tabindex")).not.toBe("-1");
  });

  test("one-click fix adds the Progress and RAG columns to that sheet and the issue goes", async () => {
    const { service } = await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    expect(screen.getByText("The Progress and RAG columns are not on this sheet yet.")).toBeTruthy();
    fireEvent.click(button("Add Progress and RAG columns"));
    await screen.findByText("Progress and RAG columns added to Prevention (H and I).");
    expect(service.callsOf("addColumns")).toEqual([{ name: "addColumns", sheet: "Prevention" }]);
    expect(screen.queryByText("The Progress and RAG columns are not on this sheet yet.")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add Progress and RAG columns" })).toBeNull();
  });

  test("no fix button where the issue offers none", async () => {
    await renderPane();
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    expect(screen.getAllByRole("button", { name: "Add Progress and RAG columns" })).toHaveLength(1);
  });
});

describe("errors", () => {
  test("a refusal from the service is shown in its words", async () => {
    const service = new FakePlanService();
    service.outcomes.refresh = {
      ok: false,
      message: "Prevention is protected, so nothing was written. Unprotect it (Review > Unprotect Sheet) and try again.",
    };
    await renderPane(service);
    fireEvent.click(button("Refresh RAG"));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain("Prevention is protected, so nothing was written. Unprotect it");
    expect(screen.getByRole("status").textContent).toContain("Prevention is protected");
    expect(button("Refresh RAG")).toHaveProperty("disabled", false);
    fireEvent.click(button("Dismiss"));
    expect(screen.queryByTestId("error")).toBeNull();
  });

  test("an unexpected throw becomes a plain message, never a stack", async () => {
    const service = new FakePlanService();
    const boom = new Error("RichApi.Error: InvalidArgument at Excel.run (https://x/office.js:1:2)");
    service.outcomes.check = boom;
    await renderPane(service);
    fireEvent.click(button("Check layout"));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain("The layout check stopped unexpectedly.");
    expect(bar.textContent).toContain("try again");
    expect(bar.textContent).not.toContain("RichApi");
    expect(bar.textContent).not.toContain("office.js");
  });

  test("a cell that cannot be selected says what to do", async () => {
    const service = new FakePlanService();
    service.selectError = new Error("ItemNotFound");
    await renderPane(service);
    fireEvent.click(button("Check layout"));
    await screen.findByTestId("results");
    fireEvent.click(screen.getAllByTestId("action-item")[0]);
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain("Excel could not go to that cell.");
    expect(bar.textContent).not.toContain("ItemNotFound");
    expect(screen.getByTestId("results")).toBeTruthy(); // the results stay
  });
});

test("a select refused in an officer's words shows those words", async () => {
  const service = new FakePlanService();
  service.selectError = new OfficerError('Excel could not go to Prevention!A18: the sheet "Prevention" is not in this workbook any more. Run Check layout again.');
  await renderPane(service);
  fireEvent.click(button("Check layout"));
  await screen.findByTestId("results");
  fireEvent.click(screen.getAllByTestId("action-item")[0]);
  expect((await screen.findByTestId("error")).textContent).toContain('the sheet "Prevention" is not in this workbook any more');
});

test("a refusal that comes with a check shows that check", async () => {
  const service = new FakePlanService();
  const view = service.view;
  const inTheWay = {
    code: "target-not-empty" as const,
    severity: "error" as const,
    sheet: "Prevention",
    cell: "I27",
    message: 'I27 holds "Notes", where the RAG heading must go.',
    hint: "Move or clear I27, then Refresh RAG again.",
  };
  service.outcomes.refresh = {
    ok: false,
    message: "Nothing was written: I27 on Prevention is not empty.",
    view: { ...view, sheets: view.sheets.map((s) => (s.name === "Prevention" ? { ...s, issues: [...s.issues, inTheWay] } : s)) },
  };
  await renderPane(service);
  fireEvent.click(button("Refresh RAG"));
  expect((await screen.findByTestId("error")).textContent).toContain("Nothing was written: I27 on Prevention is not empty.");
  expect(screen.getByText('I27 holds "Notes", where the RAG heading must go.')).toBeTruthy();
});

describe("outside Excel", () => {
  test("says the pane runs inside Excel, how to open it, and disables the commands", async () => {
    const service = new FakePlanService();
    service.env = { inExcel: false, supported: false, message: "This pane runs inside Excel. Open your workbook in Excel, then choose Show task pane." };
    render(<Root service={service} />);
    const bar = await screen.findByTestId("outside-excel");
    expect(bar.textContent).toContain("Open this pane in Excel.");
    expect(bar.textContent).toContain("Open your workbook in Excel, then choose Show task pane.");
    for (const name of ["Check layout", "Refresh RAG", "Build board report"]) expect(button(name)).toHaveProperty("disabled", true);
    expect(screen.getByTestId("as-of-caption").textContent).toBe("No workbook: the report date is read once the pane runs in Excel.");
    expect(service.callsOf("defaultAsOf")).toHaveLength(0);
    expect(service.callsOf("loadSettings")).toHaveLength(0);
  });

  test("an Excel too old for the add-in says so", async () => {
    const service = new FakePlanService();
    service.env = { inExcel: true, supported: false, message: "This Excel does not support ExcelApi 1.9. Update Excel and open the pane again." };
    render(<Root service={service} />);
    const bar = await screen.findByTestId("unsupported");
    expect(bar.textContent).toContain("Update Excel and open the pane again.");
    expect(button("Refresh RAG")).toHaveProperty("disabled", true);
  });
});

describe("settings", () => {
  async function openSettings(service = new FakePlanService()) {
    const r = await renderPane(service);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    await screen.findByLabelText(/Amber window/);
    await waitFor(() => expect((screen.getByLabelText(/Amber window/) as HTMLInputElement).value).toBe("30"));
    return r;
  }

  test("read from the workbook: amber window, BRAG, detected plan sheets ticked", async () => {
    const service = new FakePlanService();
    service.settings = { amberWindowDays: 45, brag: true, excludedSheets: ["Provision of Services"] };
    await renderPane(service);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    await waitFor(() => expect((screen.getByLabelText(/Amber window/) as HTMLInputElement).value).toBe("45"));
    expect((screen.getByRole("switch", { name: /BRAG/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Prevention" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Provision of Services" }) as HTMLInputElement).checked).toBe(false);
    const notes = screen.getByRole("checkbox", { name: "Notes (no action table found)" }) as HTMLInputElement;
    expect(notes.checked).toBe(false);
    expect(notes.disabled).toBe(true);
  });

  test("saved and read back", async () => {
    const { service } = await openSettings();
    fireEvent.change(screen.getByLabelText(/Amber window/), { target: { value: "14" } });
    fireEvent.click(screen.getByRole("switch", { name: /BRAG/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Provision of Services" }));
    fireEvent.click(button("Save settings"));
    await screen.findByText("Settings saved in this workbook.");
    expect(service.callsOf("saveSettings")).toEqual([
      { name: "saveSettings", settings: { amberWindowDays: 14, brag: true, excludedSheets: ["Provision of Services"] } },
    ]);
    // Read back from the service after saving.
    const loads = service.callsOf("loadSettings").length;
    expect(loads).toBeGreaterThanOrEqual(2);
    expect((screen.getByLabelText(/Amber window/) as HTMLInputElement).value).toBe("14");
    expect((screen.getByRole("checkbox", { name: "Provision of Services" }) as HTMLInputElement).checked).toBe(false);
    // The rules in words follow the settings.
    fireEvent.click(screen.getByRole("button", { name: "How statuses are worked out" }));
    expect(screen.getAllByText(/14 days away or less/).length).toBeGreaterThan(0);
    expect(screen.getByText(/The action is complete \(Blue-Red-Amber-Green is switched on\)/)).toBeTruthy();
  });

  test("the amber window is checked: 0 to 365 whole days", async () => {
    const { service } = await openSettings();
    const days = screen.getByLabelText(/Amber window/);
    for (const bad of ["366", "-1", "2.5", ""]) {
      fireEvent.change(days, { target: { value: bad } });
      expect(button("Save settings")).toHaveProperty("disabled", true);
    }
    expect(screen.getByText("Enter a number of days from 0 to 365.")).toBeTruthy();
    fireEvent.change(days, { target: { value: "366" } });
    expect(screen.getByText("Use at most 365 days (one year).")).toBeTruthy();
    fireEvent.change(days, { target: { value: "0" } });
    expect(button("Save settings")).toHaveProperty("disabled", false);
    expect(service.callsOf("saveSettings")).toHaveLength(0);
  });

  test("a failure to save is shown in plain words", async () => {
    const service = new FakePlanService();
    service.saveSettings = async () => {
      throw new Error("GeneralException");
    };
    await openSettings(service);
    fireEvent.click(button("Save settings"));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain("The settings could not be read or saved.");
    expect(bar.textContent).not.toContain("GeneralException");
  });
});

describe("help", () => {
  test("how statuses are worked out, in plain words", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("button", { name: "How statuses are worked out" }));
    const rules = screen.getByRole("list", { name: "Statuses" });
    const lines = within(rules).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(lines).toHaveLength(4);
    ["Red", "Amber", "Green", "Not reported"].forEach((word, i) => expect(lines[i].startsWith(word)).toBe(true));
    expect(lines[0]).toContain("The deadline has passed and the action is not complete");
    expect(lines[3]).toContain("Nobody has reported progress");
  });
});
