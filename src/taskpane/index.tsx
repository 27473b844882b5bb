/**
 * Task pane entry: waits for Office.js, then renders the pane over the Office.js service inside
 * Excel, or over a service that says "open this in Excel" anywhere else.
 */
import { createRoot, type Root as ReactRoot } from "react-dom/client";
import { OfficePlanService } from "../excel/office-service";
import { lazyReturnsService } from "./lazy-returns";
import type { PlanService } from "../excel/service";
import { Root } from "./components/Root";
import { OutsideExcelService } from "./outside-service";

/** How long to wait for Office.js before saying the page is open outside Excel. */
const OFFICE_TIMEOUT_MS = 8000;

let root: ReactRoot | null = null;
let inExcel = false;

function render(service: PlanService, excel: boolean): void {
  if (inExcel) return; // the Excel pane is never replaced
  const host = document.getElementById("root");
  if (!host) return;
  root ??= createRoot(host);
  inExcel = excel;
  root.render(<Root key={excel ? "excel" : "outside"} service={service} returns={excel ? lazyReturnsService() : undefined} />);
}

function start(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    // office.js did not load at all (page opened from disk, or its address is blocked).
    render(new OutsideExcelService(), false);
    return;
  }
  // A slow start: say so after a while, and still switch to Excel if Office.js gets there.
  const timer = window.setTimeout(() => render(new OutsideExcelService(), false), OFFICE_TIMEOUT_MS);
  Office.onReady((info) => {
    window.clearTimeout(timer);
    if (info.host === Office.HostType.Excel && typeof Excel !== "undefined") render(new OfficePlanService(), true);
    else render(new OutsideExcelService(), false);
  }).catch(() => {
    window.clearTimeout(timer);
    render(new OutsideExcelService(), false);
  });
}

start();
