/**
 * How a ribbon click tells the officer what it did, without leaving anything to close.
 *
 * An ExecuteFunction command has no UI of its own, and Excel offers a function file few ways to
 * speak: the notification bar API (Office.NotificationMessages) is Outlook's only; showing the
 * task pane from a function file needs a shared runtime (the manifest has none), and would leave
 * a pane open; writing into the workbook would change the plan. The Office dialog API
 * (DialogApi 1.1, `Office.context.ui.displayDialogAsync`) is documented for function files: it
 * opens a small, non-modal window (the officer can go on working in Excel while it shows), and
 * the function file can close it. So the notice is such a dialog, closed by the function file
 * after a few seconds (longer for a longer message), or at once when the officer presses Close
 * or Esc; `event.completed()` is called only once it is closed (the function file's runtime ends
 * with it). On Excel on the web the dialog opens in the page (`displayInIframe`), so no pop-up
 * blocker stands in the way. The dialog page is the function file's own page (commands.html)
 * with the message in the address's fragment, so no other page needs hosting.
 *
 * Where a dialog cannot be shown (DialogApi missing, another dialog already open, the officer
 * declined it on the web), the command still did its work and still completes; the pane's
 * Check layout shows the result.
 */

export const NOTICE_PREFIX = "#notice=";

export interface Notice {
  /** The command ("Refresh RAG"). */
  title: string;
  /** What it did, or what stopped it and what to do. */
  message: string;
  ok: boolean;
}

/** How long a notice stays: 6 seconds, plus one for every 60 characters, at most 15. */
export function noticeMilliseconds(message: string): number {
  return Math.min(15_000, 6_000 + Math.ceil(message.length / 60) * 1_000);
}

/** How long past the notice's own time a dialog that never answers is waited for, before the command completes anyway. */
export const DIALOG_GRACE_MS = 5_000;

/** Where the page is: its `location`, or an address. */
export type PageLocation = string | { href: string; origin?: string; pathname?: string };

/**
 * The page's address without its query and fragment. Excel on the desktop opens the function file
 * with `?_host_Info=...` in its query (and may append `&_xdm_Info=...` to a fragment): neither
 * belongs in the dialog's address, which Office gives its own.
 */
export function pageAddress(page: PageLocation): string {
  if (typeof page !== "string" && page.origin && page.origin !== "null" && page.pathname !== undefined) return `${page.origin}${page.pathname}`;
  return (typeof page === "string" ? page : page.href).split(/[?#]/)[0];
}

/** The dialog's address: this page (origin and path), with the notice in the fragment. */
export function noticeUrl(page: PageLocation, notice: Notice): string {
  return `${pageAddress(page)}${NOTICE_PREFIX}${encodeURIComponent(JSON.stringify(notice))}`;
}

/**
 * The notice carried by an address's fragment, or null. The fragment is cut at the first "&":
 * the notice itself never holds one (it is URI-encoded), and Office may append "&_xdm_Info=...".
 */
export function noticeFromHash(hash: string): Notice | null {
  if (!hash.startsWith(NOTICE_PREFIX)) return null;
  try {
    const o = JSON.parse(decodeURIComponent(hash.slice(NOTICE_PREFIX.length).split("&")[0])) as Partial<Notice>;
    if (typeof o.message !== "string") return null;
    return { title: typeof o.title === "string" ? o.title : "Action Plan RAG", message: o.message, ok: o.ok === true };
  } catch {
    return null;
  }
}

/**
 * Shows a notice in a dialog that closes itself after `ms` milliseconds (or when the officer
 * closes it); resolves once it is closed, at once when no dialog can be shown, and at the latest
 * DIALOG_GRACE_MS after its time when Office never answers the dialog call (so the command's
 * `event.completed()` is always reached).
 */
export function showNotice(notice: Notice, ms: number = noticeMilliseconds(notice.message)): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    const canShow = ui !== undefined && typeof ui.displayDialogAsync === "function" && Office.context.requirements.isSetSupported("DialogApi", "1.1");
    if (!canShow || typeof location === "undefined") {
      resolve();
      return;
    }
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let opened: Office.Dialog | undefined;
    const finish = (dialog?: Office.Dialog) => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      clearTimeout(fallback);
      try {
        dialog?.close();
      } catch {
        // Already closed by the officer.
      }
      resolve();
    };
    // Should Office never call back (or never report the dialog closed), complete anyway.
    const fallback = setTimeout(() => finish(opened), ms + DIALOG_GRACE_MS);
    try {
      ui.displayDialogAsync(noticeUrl(location, notice), { height: 28, width: 32, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          finish();
          return;
        }
        const dialog = result.value;
        opened = dialog;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(dialog));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish());
        timer = setTimeout(() => finish(dialog), ms);
      });
    } catch {
      finish();
    }
  });
}

/** Fills the dialog page with the notice (built with text nodes only: the message is never HTML). */
export function renderNotice(doc: Document, notice: Notice, close: () => void): void {
  doc.title = notice.title;
  const body = doc.body;
  body.style.cssText = "margin:0;font-family:'Segoe UI',system-ui,sans-serif;font-size:14px;line-height:1.45;color:#1f1f1f;background:#ffffff";
  const box = doc.createElement("div");
  box.setAttribute("role", notice.ok ? "status" : "alert");
  box.style.cssText = `padding:14px 16px;border-left:6px solid ${notice.ok ? "#107c10" : "#c50f1f"}`;
  const heading = doc.createElement("h1");
  heading.style.cssText = "font-size:15px;margin:0 0 6px 0";
  heading.textContent = `${notice.title}: ${notice.ok ? "done" : "stopped"}`;
  const text = doc.createElement("p");
  text.style.cssText = "margin:0 0 12px 0";
  text.textContent = notice.message;
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = "Close";
  button.style.cssText = "font:inherit;padding:4px 16px";
  button.addEventListener("click", close);
  doc.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  const note = doc.createElement("p");
  note.style.cssText = "margin:10px 0 0 0;font-size:12px;color:#595959";
  note.textContent = "This note closes by itself.";
  box.append(heading, text, button, note);
  body.replaceChildren(box);
  button.focus();
}
