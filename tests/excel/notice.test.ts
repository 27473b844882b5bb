/**
 * @jest-environment jsdom
 */
/** The notice page (the function file opened as a dialog): the message as text, closable, and its address. */
import { noticeFromHash, noticeMilliseconds, noticeUrl, renderNotice } from "../../src/commands/notice";

test("the notice travels in the address and back, whatever its characters", () => {
  const notice = { title: "Refresh RAG", ok: false, message: 'Nothing was written. Prevention!I41: holds "see <b>note</b>" & more #2' };
  const url = noticeUrl("https://localhost:3000/commands.html#old", notice);
  expect(url.startsWith("https://localhost:3000/commands.html#notice=")).toBe(true);
  expect(noticeFromHash(url.slice(url.indexOf("#")))).toEqual(notice);
  expect(noticeFromHash("#other")).toBeNull();
  expect(noticeFromHash("#notice=%7Bbroken")).toBeNull();
});

test("the dialog's address is the page's origin and path: Excel's _host_Info query and an _xdm_Info tail are left out", () => {
  const notice = { title: "Build board report", ok: true, message: "Board report built & saved." };
  const href = "https://addins.example.gov.uk/rag/commands.html?_host_Info=Excel$Win32$16.01$en-GB$$$$0#old";
  const url = noticeUrl({ href, origin: "https://addins.example.gov.uk", pathname: "/rag/commands.html" }, notice);
  expect(url.startsWith("https://addins.example.gov.uk/rag/commands.html#notice=")).toBe(true);
  expect(url).not.toContain("_host_Info");
  expect(noticeUrl(href, notice)).toBe(url);
  // Office may append "&_xdm_Info=..." to the fragment the dialog opens with.
  const opened = `${url.slice(url.indexOf("#"))}&_xdm_Info=abc$def$0`;
  expect(noticeFromHash(opened)).toEqual(notice);
});

test("the notice stays longer for longer messages, within 6 to 15 seconds", () => {
  expect(noticeMilliseconds("Done.")).toBe(7000);
  expect(noticeMilliseconds("x".repeat(2000))).toBe(15000);
});

test("the page shows the message as text (never as HTML), says it closes by itself, and closes on the button or Esc", () => {
  const close = jest.fn();
  renderNotice(document, { title: "Refresh RAG", ok: false, message: "<img src=x onerror=alert(1)> stopped" }, close);
  expect(document.querySelector("img")).toBeNull();
  expect(document.body.textContent).toContain("<img src=x onerror=alert(1)> stopped");
  expect(document.querySelector("[role=alert]")).not.toBeNull();
  expect(document.querySelector("h1")?.textContent).toBe("Refresh RAG: stopped");
  expect(document.body.textContent).toContain("closes by itself");
  (document.querySelector("button") as HTMLButtonElement).click();
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
  expect(close).toHaveBeenCalledTimes(2);
  renderNotice(document, { title: "Refresh RAG", ok: true, message: "RAG refreshed: Red 2, Amber 1." }, close);
  expect(document.querySelector("[role=status]")?.textContent).toContain("Refresh RAG: done");
});
