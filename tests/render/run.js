#!/usr/bin/env node
/* eslint-env node */
// The rendering test: what an officer sees on paper. Runs the real command line on the sample
// plan (refresh, then report), prints both workbooks to PDF with headless LibreOffice, and looks
// at the pages: the status words are in the text, and the RAG cells are filled with their colours
// by the conditional formatting (counted in the rendered pixels), so a rule that Excel or
// LibreOffice would not apply fails here. Writes .tmp/render-result.json ({ passed, failed }).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const out = path.join(root, ".tmp", "render");
const SAMPLE = path.join(root, "assets", "sample", "action-plan-2008-11.xlsx");
const SAMPLE_COPY = path.join(out, "original.xlsx");
let passed = 0;
let failed = 0;

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 180_000, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}): ${(r.stderr || "").trim().slice(0, 400)}`);
  return r.stdout;
}

function check(name, fn) {
  try {
    fn();
    passed++;
    process.stdout.write(`  ✓ ${name}\n`);
  } catch (e) {
    failed++;
    process.stdout.write(`  ✕ ${name}\n    ${e.message}\n`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Prints a workbook to PDF with LibreOffice; returns the PDF's path. */
function toPdf(xlsx) {
  const profile = path.join(out, "lo-profile");
  sh("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, xlsx]);
  const pdf = path.join(out, path.basename(xlsx).replace(/\.xls[xm]$/, ".pdf"));
  expect(fs.existsSync(pdf), `LibreOffice made no PDF of ${xlsx}`);
  return pdf;
}

/** Pixels of each colour (within a small tolerance) over every page of a PDF, rendered as PPM. */
function colourCounts(pdf, colours) {
  const prefix = pdf.replace(/\.pdf$/, "-page");
  sh("pdftoppm", ["-r", "30", pdf, prefix]);
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  for (const file of fs.readdirSync(out).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".ppm"))) {
    const data = fs.readFileSync(path.join(out, file));
    // P6 header: "P6\n<w> <h>\n<max>\n" then RGB bytes
    const header = data.toString("latin1", 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    expect(header, `${file} is not a PPM image`);
    for (let i = header[0].length; i + 2 < data.length; i += 3) {
      for (const [name, [r, g, b]] of Object.entries(colours)) {
        if (Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) counts[name]++;
      }
    }
  }
  return counts;
}

/** The XML of each chart part of an .xlsx (read with JSZip in a child node, as this script is synchronous). */
function chartsIn(xlsx) {
  const script = `require("jszip").loadAsync(require("fs").readFileSync(process.argv[1])).then(async (z) => {
    const names = Object.keys(z.files).filter((n) => /^xl\\/charts\\/chart\\d+\\.xml$/.test(n));
    process.stdout.write(JSON.stringify(await Promise.all(names.map((n) => z.file(n).async("string")))));
  })`;
  return JSON.parse(sh(process.execPath, ["-e", script, xlsx]));
}

const COLOURS = { red: [0xc0, 0x00, 0x00], amber: [0xff, 0xc0, 0x00], green: [0x00, 0xb0, 0x50], grey: [0xd9, 0xd9, 0xd9] };

function main() {
  sh("sh", [path.join(root, "scripts", "ensure-libreoffice.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const refreshed = path.join(out, "refreshed.xlsx");
  const report = path.join(out, "report.xlsx");
  sh(process.execPath, [path.join(root, "bin", "action-plan.js"), "refresh", SAMPLE, "--out", refreshed]);
  sh(process.execPath, [path.join(root, "bin", "action-plan.js"), "report", SAMPLE, "--out", report]);
  process.stdout.write(`Rendering with ${sh("soffice", ["--version"]).trim()}\n`);

  fs.copyFileSync(SAMPLE, SAMPLE_COPY);
  const refreshedPdf = toPdf(refreshed);
  const refreshedText = sh("pdftotext", ["-layout", refreshedPdf, "-"]);
  check("the refreshed plan prints the new Progress and RAG headings and every status word", () => {
    for (const word of ["Progress", "RAG", "Red", "Amber", "Green", "Not reported"]) expect(refreshedText.includes(word), `"${word}" is not on the printed pages`);
  });
  check("RAG cells are filled Red, Amber, Green and grey (Not reported) by conditional formatting", () => {
    const counts = colourCounts(refreshedPdf, COLOURS);
    // The plan's own header rows are grey too: Not reported's grey is what the refresh adds to them.
    const before = colourCounts(toPdf(SAMPLE_COPY), COLOURS);
    for (const name of ["red", "amber", "green"]) expect(counts[name] > 20, `no ${name} fill on the printed plan (${JSON.stringify(counts)})`);
    expect(counts.grey > before.grey + 20, `no grey fill added for Not reported (${before.grey} grey pixels before, ${counts.grey} after)`);
    // 12 Red actions against 3 Amber and 1 Green: red covers the most cells
    expect(counts.red > counts.amber && counts.red > counts.green, `red should cover more than amber and green: ${JSON.stringify(counts)}`);
  });

  const reportPdf = toPdf(report);
  const reportText = sh("pdftotext", ["-layout", reportPdf, "-"]);
  check("the board report prints its sections", () => {
    for (const heading of ["Board report", "Headline", "Exceptions: Red and Amber actions (15)", "Deadlines in the next 90 days", "Data quality"]) {
      expect(reportText.includes(heading), `"${heading}" is not in the printed report`);
    }
  });
  check("every Red and Amber action of the sample is in the printed exceptions", () => {
    const exceptions = reportText.slice(reportText.indexOf("Exceptions: Red and Amber"));
    for (const ref of ["5.1.1", "6.1.1", "6.1.3", "6.2.2", "6.2.3", "7.1.1", "7.1.2", "7.2.1", "7.2.2", "7.2.3", "7.2.4", "7.2.5", "3.1.1", "4.1.1", "5.2.1"]) {
      expect(new RegExp(`\\b${ref.replace(/\./g, "\\.")}\\b`).test(exceptions), `${ref} is not in the printed exceptions`);
    }
  });
  check("the report's status cells are coloured too", () => {
    const counts = colourCounts(reportPdf, COLOURS);
    for (const name of ["red", "amber", "green"]) expect(counts[name] > 20, `no ${name} on the printed report (${JSON.stringify(counts)})`);
  });
  check("LibreOffice reads the report's chart: saved again by LibreOffice, the stacked bar chart is still there", () => {
    const again = path.join(out, "again");
    fs.mkdirSync(again, { recursive: true });
    const profile = path.join(out, "lo-profile");
    sh("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", again, report]);
    const charts = chartsIn(path.join(again, "report.xlsx"));
    expect(charts.length === 1, `LibreOffice saved ${charts.length} charts`);
    const chart = charts[0];
    expect(/<c:barDir val="bar"\/>/.test(chart) && /<c:grouping val="stacked"\/>/.test(chart), "the chart LibreOffice saved is not a stacked bar chart");
  });

  // Workbooks made by other producers (tests/xlsx/fidelity/fixtures), after report, print with their status colours.
  const fixtures = path.join(root, "tests", "xlsx", "fidelity", "fixtures");
  for (const name of ["xlsxwriter-macros.xlsm", "openpyxl-features.xlsx", "libreoffice-pivot.xlsx"]) {
    check(`${name}, after report, opens and prints in LibreOffice with its status colours`, () => {
      const written = path.join(out, `report-${name}`);
      sh(process.execPath, [path.join(root, "bin", "action-plan.js"), "report", path.join(fixtures, name), "--out", written]);
      const pdf = toPdf(written);
      const text = sh("pdftotext", ["-layout", pdf, "-"]);
      for (const words of ["RAG", "Board report", "Exceptions: Red and Amber"]) expect(text.includes(words), `"${words}" is not on the printed pages`);
      const counts = colourCounts(pdf, COLOURS);
      for (const colour of ["red", "amber", "green"]) expect(counts[colour] > 20, `no ${colour} fill (${JSON.stringify(counts)})`);
    });
  }
}

try {
  main();
} catch (e) {
  failed++;
  process.stdout.write(`  ✕ rendering could not run: ${e.message}\n`);
}
fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
fs.writeFileSync(path.join(root, ".tmp", "render-result.json"), JSON.stringify({ passed, failed }));
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
