/** @jest-environment jsdom */
/** The Partner returns section against a fake returns service: make, open, download; pick, preview, merge; refusals. */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { MergePlan } from "../../src/core/returns";
import type { MadeReturn, MergeOutcome, PickedFile, ReturnsOutcome, ReturnsService } from "../../src/excel/returns";
import { ReturnsPanel } from "../../src/taskpane/components/ReturnsPanel";
import { installBrowserStubs } from "./dom-stubs";

installBrowserStubs();
const u = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (s: string) => void };
u.createObjectURL ??= () => "blob:return";
u.revokeObjectURL ??= () => undefined;

const MADE: MadeReturn[] = [
  { lead: "DA Strategy Co-ordinator", fileName: "Return - DA Strategy Co-ordinator.xlsx", actions: 7, data: new Uint8Array([80, 75]) },
  { lead: "DV Co-ordinator", fileName: "Return - DV Co-ordinator.xlsx", actions: 1, data: new Uint8Array([80, 75]) },
];

const PREVIEW: MergePlan = {
  problems: [],
  changes: [
    {
      sheet: "Provision of Services",
      ref: "6.2.3",
      cell: "A75",
      action: "...",
      lead: "DA Strategy Co-ordinator",
      file: "da.xlsx",
      progress: { from: "", to: "getting there, a little behind", readAs: "slow", inList: false },
      comment: null,
      timescale: { from: "Mar 09", to: "Mar 2010", reason: "Funding late" },
      statusBefore: "Red",
      statusAfter: "Amber",
    },
  ],
  conflicts: [{ kind: "action-changed", sheet: "Prevention", ref: "4.1.1", files: ["da.xlsx"], message: '4.1.1 on "Prevention": the action was reworded in the plan since the return was made; the update in da.xlsx was not merged.' }],
  unchanged: [],
  notReturned: ["DV Co-ordinator"],
  edits: { sheets: [], inserts: [], history: null },
  canApply: true,
  summary: "1 return read: 1 action to update (progress 1, comments 0, timescales 1); 1 conflict not merged; 1 lead has not returned yet.",
};

class FakeReturns implements ReturnsService {
  calls: string[] = [];
  picked: string[] = [];
  open = true;
  preview: MergeOutcome = { ok: true, message: PREVIEW.summary, merge: PREVIEW };
  async makeReturns(asOf: string | null, returnBy: string | null): Promise<ReturnsOutcome> {
    this.calls.push(`make ${asOf} ${returnBy}`);
    return { ok: true, message: "2 returns made, one per lead, for 8 actions; to come back by 15 Dec 2026.", returns: MADE };
  }
  canOpenWorkbooks(): boolean {
    return this.open;
  }
  async openReturn(made: MadeReturn): Promise<void> {
    this.calls.push(`open ${made.fileName}`);
  }
  async previewMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome> {
    this.picked = files.map((f) => `${f.name} ${f.data.byteLength}`);
    return this.preview;
  }
  async applyMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome> {
    this.calls.push(`apply ${files.map((f) => f.name).join(",")}`);
    return { ok: true, message: `${PREVIEW.summary} Merged into the plan.`, merge: PREVIEW };
  }
}

function renderPanel(service: FakeReturns, onMerged = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ReturnsPanel service={service} asOf="2009-05-13" disabled={false} onMerged={onMerged} />
    </FluentProvider>,
  );
  return onMerged;
}

function pick(...files: File[]) {
  fireEvent.change(screen.getByTestId("returns-files"), { target: { files } });
}

test("make returns: one entry per lead, opened in Excel or downloaded under its file name", async () => {
  const service = new FakeReturns();
  renderPanel(service);
  fireEvent.change(screen.getByTestId("return-by"), { target: { value: "2009-06-01" } });
  fireEvent.click(screen.getByRole("button", { name: "Make returns" }));
  expect(await screen.findByText("2 returns made, one per lead, for 8 actions; to come back by 15 Dec 2026.")).toBeTruthy();
  expect(service.calls).toEqual(["make 2009-05-13 2009-06-01"]);
  const links = screen.getAllByTestId("download-return");
  expect(links.map((l) => l.getAttribute("download"))).toEqual(MADE.map((m) => m.fileName));
  fireEvent.click(screen.getAllByRole("button", { name: "Open in Excel" })[1]);
  await waitFor(() => expect(service.calls).toContain("open Return - DV Co-ordinator.xlsx"));
  expect(await screen.findByText(/is open in Excel as a new workbook: save it where you choose/)).toBeTruthy();
});

test("where Excel cannot open a new workbook, only the download link is offered", async () => {
  const service = new FakeReturns();
  service.open = false;
  renderPanel(service);
  fireEvent.click(screen.getByRole("button", { name: "Make returns" }));
  await screen.findAllByTestId("download-return");
  expect(screen.queryByRole("button", { name: "Open in Excel" })).toBeNull();
});

test("pick files: the preview (a word outside the list read by the progress rules, conflicts, leads not returned), then merge", async () => {
  const service = new FakeReturns();
  const onMerged = renderPanel(service);
  pick(new File([new Uint8Array([80, 75, 3, 4])], "da.xlsx"));
  const change = await screen.findByTestId("merge-change");
  expect(service.picked).toEqual(["da.xlsx 4"]);
  expect(change.textContent).toContain("6.2.3 (Provision of Services): Red to Amber");
  expect(change.textContent).toContain('Progress: blank to "getting there, a little behind" (not one of the list: read as slow)');
  expect(change.textContent).toContain('Timescale: "Mar 09" to "Mar 2010" (Funding late)');
  expect(screen.getByTestId("merge-conflicts").textContent).toContain("the action was reworded in the plan");
  expect(screen.getByTestId("not-returned").textContent).toContain("DV Co-ordinator");
  expect(service.calls).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Merge into the plan" }));
  expect(await screen.findByText(/Merged into the plan\.$/)).toBeTruthy();
  expect(service.calls).toEqual(["apply da.xlsx"]);
  expect(onMerged).toHaveBeenCalledTimes(1);
});

test("a bad return: its message, and no Merge button", async () => {
  const service = new FakeReturns();
  service.preview = {
    ok: false,
    message: "Nothing was written. notes.xlsx is not a partner return made by Action Plan RAG.",
    merge: { ...PREVIEW, problems: [{ file: "notes.xlsx", problem: "notes.xlsx is not a partner return made by Action Plan RAG." }], canApply: false },
  };
  renderPanel(service);
  pick(new File(["hello"], "notes.xlsx"));
  expect(await screen.findByText("Nothing was written. notes.xlsx is not a partner return made by Action Plan RAG.")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Merge into the plan" })).toBeNull();
});
