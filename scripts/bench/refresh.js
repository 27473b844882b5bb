#!/usr/bin/env node
// `action-plan refresh` of a plan, one way or the other, in a fresh node process (scripts/bench.js
// times the process from spawn to exit):
//   package  the command line as it is: grids read from the package XML, the edits written by the
//            package writer (src/xlsx/package)
//   exceljs  the path it replaced: ExcelJS loads the workbook, the same edits are made on it in
//            memory (tests/helpers/exceljs-edits.ts applyEdits) and ExcelJS saves the whole workbook
// Prints one JSON object: { maxRssMb } (the process's peak resident memory).
"use strict";
const path = require("node:path");

const [compiled, mode, plan, out] = process.argv.slice(2);
if (!compiled || !mode || !plan || !out) throw new Error("usage: refresh.js COMPILED_DIR package|exceljs PLAN.xlsx OUT.xlsx");
const at = (f) => require(path.join(path.resolve(compiled), f));

async function main() {
  if (mode === "package") {
    const { run } = at("src/cli/main.js");
    let err = "";
    const code = await run(["refresh", plan, "--out", out], { out: () => {}, err: (t) => (err += t) }, () => "2026-11-24");
    if (code !== 0) throw new Error(err);
  } else {
    const { openWorkbook } = at("src/xlsx/workbook-file.js");
    const { gridsFromWorkbook } = at("src/xlsx/grid-from-exceljs.js");
    const { refreshCommand } = at("src/core/commands/index.js");
    const { DEFAULT_SETTINGS } = at("src/core/model/index.js");
    const { applyEdits } = at("tests/helpers/exceljs-edits.js");
    const wb = await openWorkbook(plan);
    const planned = refreshCommand(gridsFromWorkbook(wb), { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS });
    if (!planned.ok) throw new Error(planned.summary);
    applyEdits(wb, planned.edits);
    await wb.xlsx.writeFile(out);
  }
  process.stdout.write(`${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

main().catch((e) => {
  process.stderr.write(`refresh.js: ${e.message.split("\n")[0]}\n`);
  process.exitCode = 2;
});
