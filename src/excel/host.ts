/**
 * Where the Office.js code runs: Excel's own `Excel.run` and requirement-set check, or (in tests
 * and the benchmark) a fake with the same shape. Everything in src/excel reaches Excel through
 * this one seam, so no module reads the `Excel` or `Office` globals at import time.
 */
import { localDay, type IsoDate } from "../core/dates";
import { desktop } from "./requirements";

export interface ExcelHost {
  /** True inside Excel (false in a plain browser page). */
  readonly inExcel: boolean;
  /**
   * True where Excel refuses requests and responses over 5 MB: Excel on the web (and, not knowing
   * otherwise, any platform but Windows and Mac desktops, which document no such limit).
   */
  readonly payloadLimited: boolean;
  /** Where Excel runs, as Office reports it: "PC" (Windows), "Mac", "OfficeOnline" (the web), ... ("" when unknown). */
  readonly platform?: string;
  /** `Excel.run` with options. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
  /** Today as the officer's calendar shows it. */
  today(): IsoDate;
}

/** The host of the running add-in: the `Excel` and `Office` globals that office.js defines. */
export function officeHost(): ExcelHost {
  const hasOffice = typeof Office !== "undefined" && Office.context !== undefined;
  const inExcel = hasOffice && typeof Excel !== "undefined" && String(Office.context.host ?? "Excel") === "Excel";
  const platform = hasOffice ? String(Office.context.diagnostics?.platform ?? Office.context.platform ?? "") : "";
  return {
    inExcel,
    payloadLimited: !desktop(platform),
    platform,
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => hasOffice && Office.context.requirements.isSetSupported(name, version),
    today: () => localDay(new Date()),
  };
}
