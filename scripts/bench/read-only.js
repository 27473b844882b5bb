#!/usr/bin/env node
// The floor for the command line: ExcelJS alone loading a workbook, as the command line opens it
// (read the file, then `workbook.xlsx.load`), in a fresh node process, and nothing else.
// scripts/bench.js times this process from spawn to exit, as it times `action-plan check`.
"use strict";
const fs = require("node:fs");
const ExcelJS = require("exceljs");

const file = process.argv[2];
if (!file) throw new Error("usage: read-only.js PLAN.xlsx");
const wb = new ExcelJS.Workbook();
wb.xlsx.load(fs.readFileSync(file)).then(
  () => {
    if (wb.worksheets.length === 0) process.exitCode = 2;
  },
  (e) => {
    process.stderr.write(`read-only: ${e.message}\n`);
    process.exitCode = 2;
  }
);
