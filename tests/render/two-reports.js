// The sample after two reports at two dates with one deadline moved between them: the board
// report an officer would have at the second report. Used by the rendering test and by
// scripts/render-docs.js (which keeps its pictures in docs/).
//
// 1. `action-plan report` on the sample as of 31 Mar 2009 (the first report);
// 2. in that workbook, the timescale of 7.2.3 moved from "Dec 08" to "Mar 10" (as an officer would);
// 3. `action-plan report` again, each sheet at its own report date (13 May 2009, 16 Oct 2009).
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const ExcelJS = require("exceljs");

const root = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(root, "assets", "sample", "action-plan-2008-11.xlsx");
const CLI = path.join(root, "bin", "action-plan.js");
const FIRST_AS_OF = "2009-03-31";
const MOVED = { sheet: "Provision of Services", ref: "7.2.3", from: "Dec 08", to: "Mar 10" };

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`action-plan ${args.join(" ")} failed (${r.status}): ${(r.stderr || r.stdout).trim().slice(0, 400)}`);
  return r.stdout;
}

/** Moves the deadline of MOVED.ref: its timescale cell, found in the row whose ref cell reads the ref. */
async function moveDeadline(file, out) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(MOVED.sheet);
  let done = false;
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (!done && String(cell.text).trim() === MOVED.from) {
        const refs = [];
        row.eachCell((c) => refs.push(String(c.text)));
        if (refs.some((t) => t.includes(MOVED.ref))) {
          cell.value = MOVED.to;
          done = true;
        }
      }
    });
  });
  if (!done) throw new Error(`no timescale "${MOVED.from}" on the row of ${MOVED.ref} in ${file}`);
  await wb.xlsx.writeFile(out);
}

/** Writes the two reports into `dir`; returns the path of the second (the one to look at). */
async function twoReports(dir) {
  const first = path.join(dir, "first-report.xlsx");
  const moved = path.join(dir, "deadline-moved.xlsx");
  const second = path.join(dir, "second-report.xlsx");
  cli(["report", SAMPLE, "--out", first, "--as-of", FIRST_AS_OF]);
  await moveDeadline(first, moved);
  cli(["report", moved, "--out", second]);
  return second;
}

module.exports = { twoReports, MOVED, FIRST_AS_OF };
