/**
 * Office.js errors (OfficeExtension.Error, with a `code` such as "AccessDenied") in words an officer
 * understands, each saying what to do. Used for every failure of a command: the message says
 * whether anything may have been written (a failure while reading writes nothing; a failure while
 * writing may leave part of a change, which Undo takes back).
 */

export interface OfficeErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

/** The error code of an Office.js error, or "" for other errors. */
export function errorCode(e: unknown): string {
  if (!e || typeof e !== "object") return "";
  const err = e as OfficeErrorLike;
  return String(err.code ?? err.debugInfo?.code ?? "");
}

function detail(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && "message" in e) return String((e as OfficeErrorLike).message);
  return String(e);
}

/** True for Excel on the web's refusal of a request or response over its 5 MB payload limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|PayloadTooLarge|RequestEntityTooLarge/i.test(errorCode(e));
}

export type Stage = "reading" | "writing";

/**
 * The officer's message for a failed command. `doing` names the command ("Refresh RAG");
 * `stage` says whether the workbook was being read (nothing written) or written.
 */
export function officerMessage(e: unknown, doing: string, stage: Stage, canUndo = true): string {
  const code = errorCode(e);
  const written =
    stage === "reading"
      ? " Nothing was written."
      : canUndo
        ? " Part of the change may have been made: press Undo (Ctrl+Z) to take it back, then try again."
        : ` Part of the change may have been made, and this Excel cannot undo it: once the problem is solved, run ${doing} again (it writes the same cells again).`;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `${doing} could not start because a cell is being edited. Press Enter (or Esc) to finish editing the cell, then click ${doing} again.${written}`;
    case "AccessDenied":
      return `${doing} stopped: Excel would not let it change a protected sheet or workbook. Unprotect the sheet (Review > Unprotect Sheet) or the workbook structure (Review > Protect Workbook), run ${doing} again, then protect it again.${written}`;
    case "InvalidOperation":
      return `${doing} stopped: Excel refused a change (a protected sheet, a shared or read-only workbook, or a filter or table in the way are the usual causes). Check the workbook is open for editing and its plan sheets are unprotected, then try again.${written}`;
    case "ItemNotFound":
      return `${doing} stopped: a sheet or cell it was working on is no longer there (was a sheet renamed or deleted while it ran?). Click ${doing} again.${written}`;
    case "MergedRangeConflict":
      return `${doing} stopped: a merged cell is in the way of a cell it must write. Run Check layout to find it, unmerge it, then try again.${written}`;
    case "Conflict":
    case "EditModeCannotAcquireLock":
      return `${doing} stopped: someone else is changing the same part of the workbook. Wait a moment, then try again.${written}`;
    case "ActivityLimitReached":
    case "RequestAborted":
    case "ServiceNotAvailable":
      return `${doing} stopped: Excel was too busy to finish. Wait a moment, then try again.${written}`;
    case "UndoNotSupported":
      return `${doing} stopped: Excel could not make the change a single undo step, even when asked a second time without one. Save the workbook, reopen it, then try again.${written}`;
    case "GeneralException":
      return `${doing} stopped: Excel reported a general error. Save your work, then try again; if it keeps happening, close and reopen the workbook.${written}`;
    default:
      if (isPayloadTooLarge(e)) {
        return `${doing} stopped: the plan is too large for Excel on the web to handle in one request. Exclude sheets that are not plan sheets (task pane > Settings) or use Excel on the desktop, then try again.${written}`;
      }
      // The code (InvalidArgument, ...) means nothing to an officer: Excel's own words do, a little.
      if (code !== "") return `${doing} stopped: Excel reported "${detail(e)}". Try again; if it keeps happening, save, close and reopen the workbook.${written}`;
      return `${doing} stopped because of an unexpected problem: ${detail(e)}.${written}`;
  }
}
