#!/usr/bin/env node
// Rewrites the pictures of the board report in docs/ (docs/board-report.png: page 1 of the Board
// Report; docs/by-lead.png: the first page of By Lead), printed by headless LibreOffice from the
// sample after two reports at two dates with one deadline moved between them
// (tests/render/two-reports.js). Run by hand (`npm run docs:render`) when the report's look
// changes; npm test never rewrites these tracked files.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { root, ensureLibreOffice, toPdf, pageTexts, pagesOf, pageToPng } = require("../tests/render/print");
const { twoReports } = require("../tests/render/two-reports");

const DPI = 110;

async function main() {
  ensureLibreOffice();
  const work = path.join(root, ".tmp", "render-docs");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const pdf = toPdf(await twoReports(work), work);
  const pages = pageTexts(pdf);
  const board = pagesOf(pages, "Board report:");
  const byLead = pagesOf(pages, "By lead:");
  if (board.length === 0 || byLead.length === 0) throw new Error("the printed workbook has no Board Report or By Lead page");
  for (const [page, name] of [
    [board[0], "board-report.png"],
    [byLead[0], "by-lead.png"],
  ]) {
    const png = pageToPng(pdf, page, DPI, path.join(root, "docs", name));
    process.stdout.write(`docs/${name}: page ${page} of ${pages.length} (${fs.statSync(png).size} bytes)\n`);
  }
  process.stdout.write(`The Board Report prints on ${board.length} pages, By Lead on ${byLead.length}.\n`);
}

main().catch((e) => {
  process.stderr.write(`render-docs: ${e.message}\n`);
  process.exit(1);
});
