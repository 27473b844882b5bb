/**
 * The ribbon's function file: Refresh RAG and Build board report run here, without the task pane
 * (ExecuteFunction commands, registered with `Office.actions.associate` once Office.js is ready).
 *
 * Each command runs the same PlanService as the pane, then tells the officer what it did (counts
 * by status) or what stopped it and what to do, in a notice that closes itself (see notice.ts
 * for why a self-closing dialog). `event.completed()` is always called, whatever happened, or
 * Excel would keep the button busy.
 *
 * The same page, opened with "#notice=..." in its address, is the notice dialog itself.
 */
import { OfficePlanService } from "../excel/office-service";
import type { CommandOutcome, PlanService } from "../excel/service";
import { noticeFromHash, noticeMilliseconds, renderNotice, showNotice } from "./notice";

/** How long the notice stays (null: by the message's length, see notice.ts); tests shorten it. */
export const commandTiming: { noticeMs: number | null } = { noticeMs: null };

let service: PlanService | null = null;

/** The service the commands use (the Office.js one unless a test gives another). */
export function commandService(): PlanService {
  service ??= new OfficePlanService();
  return service;
}

/** Gives the commands another service (tests). */
export function setCommandService(s: PlanService | null): void {
  service = s;
}

/** Runs one command and reports it; never throws, always completes the event. */
async function runCommand(event: Office.AddinCommands.Event, title: string, run: (s: PlanService) => Promise<CommandOutcome>): Promise<void> {
  try {
    let outcome: CommandOutcome;
    try {
      outcome = await run(commandService());
    } catch (e) {
      outcome = { ok: false, message: `${title} stopped because of an unexpected problem: ${e instanceof Error ? e.message : String(e)}. Nothing more was done.` };
    }
    await showNotice({ title, message: outcome.message, ok: outcome.ok }, commandTiming.noticeMs ?? noticeMilliseconds(outcome.message));
  } catch {
    // A notice that cannot be shown must not leave the button busy.
  } finally {
    event.completed();
  }
}

/** Ribbon: Refresh RAG (every action's status, as of each sheet's report date). */
export function refreshRag(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, "Refresh RAG", (s) => s.refresh(null));
}

/** Ribbon: Build board report (refreshes the statuses, then rewrites the report sheets). */
export function buildBoardReport(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, "Build board report", (s) => s.buildReport(null));
}

function closeNotice(): void {
  try {
    Office.context.ui.messageParent("close");
  } catch {
    // Opened outside a dialog: nothing to close.
  }
}

/** Registers the commands (or, on the notice page, shows the notice). */
export function start(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  Office.onReady(() => {
    const notice = typeof location !== "undefined" && typeof document !== "undefined" ? noticeFromHash(location.hash) : null;
    if (notice) {
      renderNotice(document, notice, closeNotice);
      return;
    }
    if (Office.actions && typeof Office.actions.associate === "function") {
      Office.actions.associate("refreshRag", refreshRag);
      Office.actions.associate("buildBoardReport", buildBoardReport);
    }
    // Older Office versions look the function up by name on the page.
    const page = globalThis as unknown as Record<string, unknown>;
    page.refreshRag = refreshRag;
    page.buildBoardReport = buildBoardReport;
  });
}

start();
