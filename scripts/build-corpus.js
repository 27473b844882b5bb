#!/usr/bin/env node
// The corpus of plans as other partnerships keep them (tests/corpus/*.json, each a transcription
// of a workbook and its expected reading), written as .xlsx files into .tmp/corpus so the tests
// read real files through the command line. Nothing binary is committed.
//
//   node scripts/build-corpus.js            writes every workbook, prints the paths
//
// A transcription's cells: "text"; a number; {"n": 0.75, "fmt": "0%"} a number in a number format;
// {"d": "2010-03-31"} a real date (dd/mm/yyyy, or "fmt": "mmm-yy");
// {"t": "text", "b": 1, "i": 1} bold / italic text; {"f": "B2*2", "r": 4} a formula and its result;
// {"e": "#REF!"} an error; null an empty cell. A sheet may have "merges" (["A5:G5"]), "hiddenRows"
// (1-based), "state" ("hidden"), "protect" (true) and "tables" ([{"name": "Actions", "ref": "A3:F9"}]:
// an Excel Table over those cells, its first row the header).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");

const root = path.resolve(__dirname, "..");
const corpusDir = path.join(root, "tests", "corpus");
const outDir = path.join(root, ".tmp", "corpus");

function cellValue(spec) {
  if (spec === null || spec === undefined) return { value: null };
  if (typeof spec === "string" || typeof spec === "number") return { value: spec };
  if (spec.d) {
    const [y, m, d] = spec.d.split("-").map(Number);
    return { value: new Date(Date.UTC(y, m - 1, d)), numFmt: spec.fmt ?? "dd/mm/yyyy" };
  }
  if (typeof spec.n === "number") return { value: spec.n, numFmt: spec.fmt };
  if (spec.f) return { value: { formula: spec.f, result: spec.r } };
  if (spec.e) return { value: { error: spec.e } };
  return { value: spec.t, font: { bold: !!spec.b, italic: !!spec.i } };
}

/** An Excel Table over cells already transcribed: ExcelJS writes them again from the same values. */
function addTable(ws, rows, table) {
  const [from, to] = table.ref.split(":").map((a) => ws.getCell(a));
  const span = (r) => (rows[r - 1] ?? []).slice(from.col - 1, to.col).map((spec) => cellValue(spec).value);
  const header = span(from.row);
  const body = [];
  for (let r = from.row + 1; r <= to.row; r++) body.push(header.map((_, i) => span(r)[i] ?? null));
  ws.addTable({
    name: table.name,
    ref: from.address,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: header.map((name) => ({ name: String(name), filterButton: true })),
    rows: body,
  });
}

/** One transcription as an ExcelJS workbook. */
function workbookOf(plan) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2011, 0, 1));
  wb.modified = wb.created;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : {});
    sheet.rows.forEach((cells, r) => {
      cells.forEach((spec, c) => {
        const { value, numFmt, font } = cellValue(spec);
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        if (font) cell.font = font;
      });
    });
    for (const table of sheet.tables ?? []) addTable(ws, sheet.rows, table);
    for (const area of sheet.merges ?? []) ws.mergeCells(area);
    for (const r of sheet.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (sheet.protect) ws.sheetProtection = { sheet: true };
  }
  return wb;
}

/** Every transcription, by file name. */
function transcriptions() {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: f, plan: JSON.parse(fs.readFileSync(path.join(corpusDir, f), "utf8")) }));
}

/** Writes every workbook of the corpus into .tmp/corpus; returns their paths by transcription name. */
async function buildCorpus() {
  fs.mkdirSync(outDir, { recursive: true });
  const out = {};
  for (const { file, plan } of transcriptions()) {
    const target = path.join(outDir, file.replace(/\.json$/, ".xlsx"));
    await workbookOf(plan).xlsx.writeFile(target);
    out[file.replace(/\.json$/, "")] = target;
  }
  return out;
}

module.exports = { buildCorpus, transcriptions, corpusDir, outDir };

if (require.main === module) {
  buildCorpus().then(
    (paths) => Object.values(paths).forEach((p) => process.stdout.write(`${path.relative(root, p)}\n`)),
    (e) => {
      process.stderr.write(`build-corpus: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
