#!/usr/bin/env node
// The benchmark's .xlsx plan, made once and kept (in .tmp/bench-data, named by a hash of the
// generator, so a changed generator makes a new file), and a check that the generator's two
// forms agree: a plan written as .xlsx and read back through the ExcelJS adapter gives the same
// check, action by action and issue by issue, as the in-memory grid of the same plan.
// Prints one JSON object on stdout: { file, actions, bytes, madeMs, formsAgree }.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const [outArg, dataArg, actionsText] = process.argv.slice(2);
const out = outArg && path.resolve(outArg);
const dataDir = dataArg && path.resolve(dataArg);
if (!out || !dataDir) throw new Error("usage: make-data.js COMPILED_DIR DATA_DIR [ACTIONS]");
const actions = Number(actionsText || 10000);
const generatorFile = path.join(out, "tests/helpers/large-plan.js");
const { largePlanGrids, largePlanWorkbook } = require(generatorFile);
const { checkWorkbook } = require(path.join(out, "src/core/commands/index.js"));
const { checkJson } = require(path.join(out, "src/core/views/index.js"));
const { DEFAULT_SETTINGS } = require(path.join(out, "src/core/model/index.js"));
const { gridsFromWorkbook } = require(path.join(out, "src/xlsx/grid-from-exceljs.js"));
const ExcelJS = require("exceljs");

const OPTIONS = { asOf: null, today: "2009-10-16", settings: DEFAULT_SETTINGS };

async function formsAgree(n) {
  const buffer = await largePlanWorkbook({ actions: n, seed: 7 }).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const fromFile = JSON.stringify(checkJson(checkWorkbook(gridsFromWorkbook(wb), OPTIONS)));
  const inMemory = JSON.stringify(checkJson(checkWorkbook(largePlanGrids({ actions: n, seed: 7 }), OPTIONS)));
  return fromFile === inMemory;
}

async function main() {
  const hash = crypto.createHash("sha256").update(fs.readFileSync(generatorFile)).digest("hex").slice(0, 12);
  const file = path.join(dataDir, `plan-${actions}-${hash}.xlsx`);
  let madeMs = 0;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    for (const old of fs.readdirSync(dataDir)) if (old.startsWith(`plan-${actions}-`)) fs.rmSync(path.join(dataDir, old), { force: true });
    const t = Date.now();
    const tmp = `${file}.${process.pid}.tmp`;
    await largePlanWorkbook({ actions }).xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
    madeMs = Date.now() - t;
  }
  const agree = await formsAgree(300);
  process.stdout.write(JSON.stringify({ file, actions, bytes: fs.statSync(file).size, madeMs, formsAgree: agree }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`make-data: ${e.stack || e.message}\n`);
  process.exit(1);
});
