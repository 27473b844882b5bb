/**
 * The ribbon's function file: the commands are registered once Office.js is ready, run the real
 * service on the strict fake, tell the officer in a notice that closes itself, and always call
 * event.completed().
 */
import { noticeFromHash } from "../../src/commands/notice";
import type { PlanService } from "../../src/excel/service";
import type { FakeExcel } from "../fakes/fake-excel";
import { sampleExcel } from "./helpers";

type Commands = typeof import("../../src/commands/commands");

const PAGE = "https://localhost:3000/commands.html";

let fake: FakeExcel;
let uninstall: () => void;
let commands: Commands;

async function load(f: FakeExcel): Promise<Commands> {
  fake = f;
  uninstall = f.install();
  // As Excel on the desktop opens the function file: with _host_Info in the query.
  (globalThis as Record<string, unknown>).location = { href: `${PAGE}?_host_Info=Excel$Win32$16.01$en-GB$$$$0`, origin: "https://localhost:3000", pathname: "/commands.html", hash: "" };
  let mod: Commands | undefined;
  jest.isolateModules(() => {
    mod = require("../../src/commands/commands") as Commands;
  });
  const loaded = mod as Commands;
  loaded.commandTiming.noticeMs = 5;
  await new Promise((r) => setTimeout(r, 0)); // Office.onReady's callback
  return loaded;
}

function fakeEvent() {
  return { completed: jest.fn(), source: { id: "button" } } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

afterEach(() => {
  uninstall?.();
  delete (globalThis as Record<string, unknown>).location;
});

function lastNotice() {
  const dialog = fake.dialogs.at(-1);
  if (!dialog) throw new Error("no notice was shown");
  return { dialog, notice: noticeFromHash(dialog.url.slice(dialog.url.indexOf("#"))) };
}

describe("ribbon commands", () => {
  beforeEach(async () => {
    commands = await load(await sampleExcel());
  });

  test("are registered with Office.actions.associate once Office.js is ready", () => {
    expect([...fake.actions.keys()]).toEqual(["refreshRag", "buildBoardReport"]);
    expect(fake.actions.get("refreshRag")).toBe(commands.refreshRag);
  });

  test("Refresh RAG refreshes, tells the officer the counts by status, closes the notice itself, completes", async () => {
    const event = fakeEvent();
    await (fake.actions.get("refreshRag") as (e: unknown) => Promise<void>)(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.value("Prevention", "I28")).toBe("Amber");
    const { dialog, notice } = lastNotice();
    expect(dialog.url.startsWith(`${PAGE}#notice=`)).toBe(true);
    expect(dialog.options).toMatchObject({ displayInIframe: true });
    expect(notice).toEqual({ title: "Refresh RAG", ok: true, message: expect.stringContaining("Red 12, Amber 3, Green 1, Not reported 5") });
    expect(dialog.closed).toBe(true);
  });

  test("Build board report builds the report and says so", async () => {
    const event = fakeEvent();
    await commands.buildBoardReport(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.sheetNames()).toContain("Board Report");
    expect(lastNotice().notice).toMatchObject({ title: "Build board report", ok: true });
  });

  test("a refusal is told with what to do, and the event still completes", async () => {
    fake.protect("Prevention");
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastNotice().notice).toMatchObject({ ok: false, message: expect.stringContaining("Unprotect the sheet") });
  });

  test("an Excel error mid-way is told in the officer's words, and the event still completes", async () => {
    fake.failSync(3, "AccessDenied", { afterActions: 3 });
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastNotice().notice?.message).toContain("press Undo");
  });

  test("a service that throws still ends in a notice and a completed event", async () => {
    const throwing = { refresh: () => Promise.reject(new Error("lost")) } as unknown as PlanService;
    commands.setCommandService(throwing);
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastNotice().notice?.message).toContain("unexpected problem: lost");
  });

  test("the officer may close the notice early", async () => {
    commands.commandTiming.noticeMs = 60_000;
    const event = fakeEvent();
    const done = commands.refreshRag(event);
    while (fake.dialogs.length === 0) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 5));
    fake.dialogs[0].userClose();
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test("the notice opens at the page's own address, without Excel's _host_Info", async () => {
    await commands.refreshRag(fakeEvent());
    const { dialog } = lastNotice();
    expect(dialog.url.startsWith(`${PAGE}#notice=`)).toBe(true);
    expect(dialog.url).not.toContain("_host_Info");
  });

  test("when Office never answers the dialog call, the command still completes after the notice's time", async () => {
    fake.dialogsAnswer = false;
    const notice = await import("../../src/commands/notice");
    const grace = notice.DIALOG_GRACE_MS;
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const event = fakeEvent();
      const done = commands.refreshRag(event);
      // Let the command do its work and call displayDialogAsync (which never calls back).
      for (let i = 0; i < 200 && fake.dialogs.length === 0; i++) await jest.advanceTimersByTimeAsync(1);
      expect(fake.dialogs).toHaveLength(1);
      expect(event.completed).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(5 + grace + 10);
      await done;
      expect(event.completed).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test("where a dialog cannot be opened (one is already open), the command still completes", async () => {
    fake.dialogs.push({ url: "x", options: {}, closed: false, userClose: () => undefined });
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.value("Prevention", "I28")).toBe("Amber");
  });
});

describe("ribbon commands on an Excel without the dialog API or too old", () => {
  test("no DialogApi: the work is done and the event completes", async () => {
    commands = await load(await sampleExcel({ otherSets: {} }));
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(0);
    expect(fake.value("Prevention", "I28")).toBe("Amber");
  });

  test("ExcelApi 1.9: the notice says Excel is too old", async () => {
    commands = await load(await sampleExcel({ apiVersion: "1.9" }));
    const event = fakeEvent();
    await commands.refreshRag(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastNotice().notice).toMatchObject({ ok: false, message: expect.stringContaining("too old") });
    expect(fake.stats.syncs).toBe(0);
  });
});
