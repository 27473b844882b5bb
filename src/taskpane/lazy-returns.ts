/**
 * The partner-returns service for the pane, loaded on first use: the Office.js side of returns
 * (src/excel/returns.ts, with the core's returns stage) stays out of the pane's first download.
 */
import type { ReturnsService } from "../excel/returns";

export function lazyReturnsService(): ReturnsService {
  let loading: Promise<ReturnsService> | null = null;
  const service = () => (loading ??= import("../excel/returns").then((m) => new m.OfficeReturnsService()));
  return {
    makeReturns: async (asOf, returnBy) => (await service()).makeReturns(asOf, returnBy),
    // Known without loading anything: Excel.createWorkbook is there or not (ExcelApi 1.8).
    canOpenWorkbooks: () => typeof Excel !== "undefined" && typeof (Excel as { createWorkbook?: unknown }).createWorkbook === "function",
    openReturn: async (made) => (await service()).openReturn(made),
    previewMerge: async (files) => (await service()).previewMerge(files),
    applyMerge: async (files) => (await service()).applyMerge(files),
  };
}
