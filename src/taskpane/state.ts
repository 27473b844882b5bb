/**
 * The pane's state: idle, running one task, showing results, or showing an error.
 * A reducer (pure, tested apart) and a hook that runs a task against the service, one at a time,
 * turning every failure into words for the officer (an OfficerError says its own; anything else
 * is a fault of the product and gets a plain "could not finish").
 */
import { useCallback, useReducer, useRef } from "react";
import type { IsoDate } from "../core/dates";
import type { CheckView } from "../core/views";
import type { CommandOutcome, PlanService } from "../excel/service";
import { officerSentence } from "../core/common";
import { resultsAnnouncement, TASK_RUNNING, unexpectedMessage, type Task } from "./helpers";

export type Phase = "idle" | "running" | "results" | "error";

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  /** A sheet the officer may open from the notice (the Board Report, after Build board report). */
  opens?: string;
}

export interface PaneState {
  phase: Phase;
  /** The task running now, or the last one that finished. */
  task: Task | null;
  /** The latest results; kept on screen while the next task runs or after an error. */
  view: CheckView | null;
  /** What the last task did, in the service's words. */
  notice: Notice | null;
  /** What stopped the last task and what to do, in an officer's words. */
  error: string | null;
  /**
   * The text of the aria-live region: the one place a task's start, result or failure is
   * announced, each once (the notice and the error bar are not live regions).
   */
  announcement: string;
}

export const INITIAL_STATE: PaneState = { phase: "idle", task: null, view: null, notice: null, error: null, announcement: "" };

export type PaneEvent =
  | { type: "start"; task: Task }
  | { type: "done"; task: Task; outcome: CommandOutcome }
  | { type: "failed"; task: Task | null; message: string }
  | { type: "dismiss-error" }
  | { type: "dismiss-notice" };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "start":
      if (state.phase === "running") return state; // never two at once
      return { ...state, phase: "running", task: event.task, error: null, notice: null, announcement: TASK_RUNNING[event.task] };
    case "done": {
      const { outcome, task } = event;
      if (!outcome.ok) {
        // A refusal may come with the check that explains it (the cell in the way): show it too.
        const view = outcome.view ?? state.view;
        return { ...state, phase: "error", task, view, error: outcome.message, notice: null, announcement: outcome.message };
      }
      return {
        ...state,
        phase: "results",
        task,
        view: outcome.view,
        error: null,
        notice: outcome.message ? { intent: "success", text: outcome.message, ...(outcome.opens ? { opens: outcome.opens } : {}) } : null,
        announcement: resultsAnnouncement(task, outcome.view, outcome.message, outcome.opens),
      };
    }
    case "failed":
      // A failure beside the running task (a cell that could not be selected) does not stop it.
      if (state.phase === "running" && event.task === null) return { ...state, error: event.message, announcement: event.message };
      return {
        ...state,
        phase: "error",
        task: event.task ?? state.task,
        error: event.message,
        notice: null,
        announcement: event.message,
      };
    case "dismiss-error":
      return { ...state, phase: state.view ? "results" : "idle", error: null };
    case "dismiss-notice":
      return { ...state, notice: null };
  }
}

/** The service call behind each task. */
async function callFor(service: PlanService, task: Task, asOf: IsoDate | null, sheet: string | null): Promise<CommandOutcome> {
  switch (task) {
    case "check":
      return service.check(asOf);
    case "refresh":
      return service.refresh(asOf);
    case "report":
      return service.buildReport(asOf);
    case "fix":
      return service.addColumns(sheet ?? "");
  }
}

export interface PaneControls {
  state: PaneState;
  running: boolean;
  /** Run a task (ignored while another runs). `sheet` is the sheet of a one-click fix. */
  run(task: Task, asOf: IsoDate | null, sheet?: string): Promise<void>;
  /** Select a cell in Excel; a failure shows in the error bar. */
  select(sheet: string, cell: string): Promise<void>;
  fail(message: string): void;
  dismissError(): void;
  dismissNotice(): void;
}

/** State and actions of the pane over a service. */
export function usePane(service: PlanService): PaneControls {
  const [state, dispatch] = useReducer(paneReducer, INITIAL_STATE);
  // The reducer ignores a second start, but the service must not even be called twice:
  // a ref sees the running task before React re-renders the disabled buttons.
  const busy = useRef(false);

  const run = useCallback(
    async (task: Task, asOf: IsoDate | null, sheet?: string) => {
      if (busy.current) return;
      busy.current = true;
      dispatch({ type: "start", task });
      try {
        const outcome = await callFor(service, task, asOf, sheet ?? null);
        dispatch({ type: "done", task, outcome });
      } catch (e) {
        dispatch({ type: "failed", task, message: officerSentence(e, unexpectedMessage(task)) });
      } finally {
        busy.current = false;
      }
    },
    [service],
  );

  const select = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await service.select(sheet, cell);
      } catch (e) {
        dispatch({ type: "failed", task: null, message: officerSentence(e, unexpectedMessage("select")) });
      }
    },
    [service],
  );

  const fail = useCallback((message: string) => dispatch({ type: "failed", task: null, message }), []);
  const dismissError = useCallback(() => dispatch({ type: "dismiss-error" }), []);
  const dismissNotice = useCallback(() => dispatch({ type: "dismiss-notice" }), []);

  return { state, running: state.phase === "running", run, select, fail, dismissError, dismissNotice };
}
