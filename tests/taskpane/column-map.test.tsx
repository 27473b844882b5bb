/** @jest-environment jsdom */
/** The pane's Column map: what the reader chose and why, corrected by the officer and saved in the workbook. */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Root } from "../../src/taskpane/components/Root";
import { mapFromChoice } from "../../src/taskpane/components/ColumnMap";
import { FakePlanService, seedColumns } from "./fake-service";
import { installBrowserStubs } from "./dom-stubs";

installBrowserStubs();

async function checkedPane(service = new FakePlanService()) {
  render(<Root service={service} />);
  await screen.findByText("As of 13 May 2009 (report date on Prevention)");
  fireEvent.click(screen.getByRole("button", { name: "Check layout" }));
  await screen.findByTestId("results");
  fireEvent.click(screen.getByRole("button", { name: "Column map" }));
  await screen.findByRole("form", { name: "Column map" });
  return service;
}

describe("the column map in the pane", () => {
  test("each role's column as read, and why", async () => {
    await checkedPane();
    const form = screen.getByRole("form", { name: "Column map" });
    expect(within(form).getByLabelText("Time-scale column")).toHaveProperty("value", "2");
    expect(within(form).getByText('Column C, read from heading "Time-scale"')).toBeTruthy();
    expect(within(form).getByLabelText("Progress column")).toHaveProperty("value", "");
    expect(within(form).getAllByText("Not found").length).toBeGreaterThan(0);
  });

  test("a corrected column is saved for the sheet; the pane shows the check that follows", async () => {
    const service = await checkedPane();
    const form = screen.getByRole("form", { name: "Column map" });
    fireEvent.change(within(form).getByLabelText("Progress comments column"), { target: { value: "6" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save column map" }));
    await waitFor(() => expect(service.callsOf("saveColumnMap")).toHaveLength(1));
    expect(service.callsOf("saveColumnMap")[0]).toEqual({
      name: "saveColumnMap",
      sheet: "Prevention",
      map: { columns: { ref: 0, action: 1, timescale: 2, lead: 3, comments: 6 } },
    });
    expect((await screen.findByTestId("notice")).textContent).toContain('The column map of "Prevention" was saved in the workbook.');
  });

  test("a map can be cleared, and a sheet marked as not a plan", async () => {
    const service = await checkedPane();
    const form = screen.getByRole("form", { name: "Column map" });
    fireEvent.click(within(form).getByRole("button", { name: "Read from the headings again" }));
    await waitFor(() => expect(service.callsOf("saveColumnMap")).toEqual([{ name: "saveColumnMap", sheet: "Prevention", map: null }]));
    expect(mapFromChoice({ action: 1 }, false, seedColumns())).toEqual({ columns: { action: 1 }, plan: false });
  });
});
