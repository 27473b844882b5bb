#!/usr/bin/env node
// The rendering test: what an officer sees on paper. Runs the real command line on the sample
// plan, prints the workbooks to PDF with headless LibreOffice, and looks at the pages:
// - the refreshed plan: the status words in the text, and the RAG cells filled with their colours
//   by the conditional formatting (counted in the rendered pixels), so a rule that Excel or
//   LibreOffice would not apply fails here;
// - the board report after two reports at two dates with one deadline moved between them
//   (two-reports.js): page 1 holds the counts, a direction arrow or word and a Red action; the
//   Board Report prints on at most 6 pages; By Lead has at most 12 leads; the moved deadline shows
//   both timescales; every Red and Amber action is in the exceptions; the status cells are coloured.
// Writes .tmp/render-result.json ({ passed, failed }); never writes a tracked file.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { root, sh, ensureLibreOffice, toPdf, pageTexts, pagesOf } = require("./print");
const { twoReports, MOVED } = require("./two-reports");

const out = path.join(root, ".tmp", "render");
const SAMPLE = path.join(root, "assets", "sample", "action-plan-2008-11.xlsx");
const SAMPLE_COPY = path.join(out, "original.xlsx");
let passed = 0;
let failed = 0;

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

/** Pixels of each colour (within a small tolerance) over the given pages of a PDF, rendered as PPM. */
function colourCounts(pdf, colours, pages = null) {
  const prefix = pdf.replace(/\.pdf$/, "-page");
  sh("pdftoppm", ["-r", "30", pdf, prefix]);
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  const files = fs.readdirSync(out).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".ppm"));
  for (const file of files) {
    const page = Number((file.match(/-(\d+)\.ppm$/) || [])[1]);
    if (pages && !pages.includes(page)) continue;
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

/** The manual page breaks the writer put on each sheet of an .xlsx (counted in its sheet XML). */
async function breaksBySheet(xlsx) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
  const workbook = await zip.file("xl/workbook.xml").async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  const out = {};
  for (const [, name, id] of workbook.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.match(new RegExp(`<Relationship\\b[^>]*?Id="${id}"[^>]*?Target="([^"]+)"`)) || rels.match(new RegExp(`<Relationship\\b[^>]*?Target="([^"]+)"[^>]*?Id="${id}"`)) || [])[1];
    const xml = target ? await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`).async("string") : "";
    out[name] = (xml.match(/<brk\b/g) || []).length;
  }
  return out;
}

/** Every Red and Amber action of a workbook, as `action-plan check --json` gives them. */
function redAndAmber(xlsx) {
  const r = require("node:child_process").spawnSync(process.execPath, [path.join(root, "bin", "action-plan.js"), "check", xlsx, "--json"], { cwd: root, encoding: "utf8" });
  const json = JSON.parse(r.stdout);
  return json.sheets.flatMap((s) => s.actions.filter((a) => a.rag === "red" || a.rag === "amber").map((a) => ({ ref: a.ref, rag: a.rag })));
}

async function main() {
  ensureLibreOffice();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const refreshed = path.join(out, "refreshed.xlsx");
  sh(process.execPath, [path.join(root, "bin", "action-plan.js"), "refresh", SAMPLE, "--out", refreshed]);
  const report = await twoReports(out);
  process.stdout.write(`Rendering with ${sh("soffice", ["--version"]).trim()}\n`);

  fs.copyFileSync(SAMPLE, SAMPLE_COPY);
  const refreshedPdf = toPdf(refreshed, out);
  const refreshedText = sh("pdftotext", ["-layout", refreshedPdf, "-"]);
  check("the refreshed plan prints the new Progress and RAG headings and every status word", () => {
    for (const word of ["Progress", "RAG", "Red", "Amber", "Green", "Not reported"]) expect(refreshedText.includes(word), `"${word}" is not on the printed pages`);
  });
  check("RAG cells are filled Red, Amber, Green and grey (Not reported) by conditional formatting", () => {
    const counts = colourCounts(refreshedPdf, COLOURS);
    // The plan's own header rows are grey too: Not reported's grey is what the refresh adds to them.
    const before = colourCounts(toPdf(SAMPLE_COPY, out), COLOURS);
    for (const name of ["red", "amber", "green"]) expect(counts[name] > 20, `no ${name} fill on the printed plan (${JSON.stringify(counts)})`);
    expect(counts.grey > before.grey + 20, `no grey fill added for Not reported (${before.grey} grey pixels before, ${counts.grey} after)`);
    // 12 Red actions against 3 Amber and 1 Green: red covers the most cells
    expect(counts.red > counts.amber && counts.red > counts.green, `red should cover more than amber and green: ${JSON.stringify(counts)}`);
  });

  const reportPdf = toPdf(report, out);
  const pages = pageTexts(reportPdf);
  const board = pagesOf(pages, "Board report:");
  const byLead = pagesOf(pages, "By lead:");
  const boardText = board.map((n) => pages[n - 1]).join("\n");
  const page1 = board.length > 0 ? pages[board[0] - 1] : "";
  const exceptions = redAndAmber(path.join(out, "deadline-moved.xlsx"));
  const breaks = await breaksBySheet(report);

  check("the Board Report prints on at most 6 pages, By Lead after it", () => {
    expect(board.length >= 2 && board.length <= 6, `the Board Report prints on ${board.length} pages`);
    expect(byLead.length >= 1 && byLead[0] > board[board.length - 1], `By Lead pages ${byLead} do not follow the Board Report's ${board}`);
  });
  check("LibreOffice prints exactly the pages the layout placed (its breaks + 1, no break of its own)", () => {
    expect(breaks["Board Report"] > 0 && breaks["By Lead"] > 0, `no page breaks written: ${JSON.stringify(breaks)}`);
    expect(board.length === breaks["Board Report"] + 1, `the Board Report has ${breaks["Board Report"]} breaks but prints on ${board.length} pages`);
    expect(byLead.length === breaks["By Lead"] + 1, `By Lead has ${breaks["By Lead"]} breaks but prints on ${byLead.length} pages`);
  });
  check("page 1 holds each status's count, its change as an arrow and words, and the most urgent Red action", () => {
    for (const word of ["Summary:", "By theme", "Most urgent exceptions"]) expect(page1.includes(word), `"${word}" is not on page 1`);
    const red = exceptions.filter((a) => a.rag === "red").length;
    expect(new RegExp(`Red\\s+${red}\\b`).test(page1), `the Red count (${red}) is not on page 1`);
    expect(/[▲▼]\s*(up|down) \d+ since \d+ \w+ \d{4}/.test(page1), "no change as an arrow and words (\"▲ up 3 since 31 Mar 2009\") on page 1");
    expect(/\b7\.1\.1\b/.test(page1), "the most urgent Red action (7.1.1) is not on page 1");
    expect(!/Sources/.test(page1), "page 1 has the sources table");
  });
  check("the sections follow in order, the sources last", () => {
    const order = ["Exceptions: Red and Amber actions", "Status changes since the previous report", "Deadlines moved since the previous report", "Deadlines in the next 90 days", "Officer's status disagrees", "Closed actions", "Trend across the reports", "By objective", "Data quality", "Sources"];
    let at = -1;
    for (const h of order) {
      const i = boardText.indexOf(h);
      expect(i > at, `"${h}" is not in its place in the printed report`);
      at = i;
    }
  });
  check("every Red and Amber action is in the printed exceptions", () => {
    const list = boardText.slice(boardText.indexOf("Exceptions: Red and Amber"), boardText.indexOf("Status changes since"));
    expect(list.includes(`Exceptions: Red and Amber actions (${exceptions.length})`), `the exceptions heading does not count ${exceptions.length}`);
    for (const { ref } of exceptions) expect(new RegExp(`\\b${ref.replace(/\./g, "\\.")}\\b`).test(list), `${ref} is not in the printed exceptions`);
  });
  check("the moved deadline shows both timescales", () => {
    expect(boardText.includes(`Moved from ${MOVED.from} to ${MOVED.to}`), `"Moved from ${MOVED.from} to ${MOVED.to}" is not in the printed report`);
  });
  check("By Lead has at most 12 leads, no \"None\" anywhere", () => {
    const m = pages.join("\n").match(/Actions by lead responsibility \((\d+) leads?\)/);
    expect(m, "the By Lead counts table is not printed");
    expect(Number(m[1]) <= 12, `By Lead lists ${m[1]} leads`);
    expect(!/\bNone\b/.test(boardText + byLead.map((n) => pages[n - 1]).join("")), "a cell prints \"None\"");
  });
  check("the report's status cells are coloured, page 1 too", () => {
    const counts = colourCounts(reportPdf, COLOURS, board);
    for (const name of ["red", "amber", "green"]) expect(counts[name] > 20, `no ${name} on the printed report (${JSON.stringify(counts)})`);
    const first = colourCounts(reportPdf, COLOURS, board.slice(0, 1));
    expect(first.red > 20, `no red on page 1 (${JSON.stringify(first)})`);
  });
  check("LibreOffice reads the report's chart: saved again by LibreOffice, the stacked bar chart is still there", () => {
    const again = path.join(out, "again");
    fs.mkdirSync(again, { recursive: true });
    const profile = path.join(out, "lo-profile");
    sh("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", again, report]);
    const charts = chartsIn(path.join(again, path.basename(report)));
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
      const pdf = toPdf(written, out);
      const text = sh("pdftotext", ["-layout", pdf, "-"]);
      for (const words of ["RAG", "Board report", "Exceptions: Red and Amber"]) expect(text.includes(words), `"${words}" is not on the printed pages`);
      const counts = colourCounts(pdf, COLOURS);
      for (const colour of ["red", "amber", "green"]) expect(counts[colour] > 20, `no ${colour} fill (${JSON.stringify(counts)})`);
    });
  }
}

main()
  .catch((e) => {
    failed++;
    process.stdout.write(`  ✕ rendering could not run: ${e.message}\n`);
  })
  .finally(() => {
    fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
    fs.writeFileSync(path.join(root, ".tmp", "render-result.json"), JSON.stringify({ passed, failed }));
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
    process.exit(failed ? 1 : 0);
  });
