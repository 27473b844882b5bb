#!/usr/bin/env node
'use strict';

/**
 * Builds the bundled sample plan, assets/sample/action-plan-2008-11.xlsx,
 * from assets/sample/seed-transcription.json (a row-by-row transcription of
 * the Prevention and Provision of Services sections of a city's domestic
 * violence and abuse action plan 2008-11).
 *
 * The workbook is laid out the way an officer keeps the plan in Excel: one
 * sheet per section, in blocks (free text, objectives, target line, table
 * header, actions, progress comments in bold italics), columns A..G.
 * It deliberately has no Progress or RAG column: the product adds them.
 *
 * Each entry of a sheet's "rows" becomes one worksheet row, in order, from
 * row 1. The output is deterministic: fixed document properties and fixed
 * zip entry dates, so rebuilding gives a byte-identical file.
 *
 * Usage: node scripts/build-sample.js [OUT.xlsx]   (npm run build:sample)
 */

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'assets', 'sample', 'seed-transcription.json');
const DEFAULT_OUT = path.join(ROOT, 'assets', 'sample', 'action-plan-2008-11.xlsx');

const FIXED_DATE = new Date(Date.UTC(2009, 9, 16, 12, 0, 0)); // 16 Oct 2009
const CREATOR = 'Action Plan RAG sample builder';

// Ref, Action, Time-scale, Lead responsibility, Resources,
// Performance / outcome measures, 1. Confidence level 2. Risks
const WIDTHS = [12, 40, 14, 26, 26, 36, 36];
const NCOLS = WIDTHS.length;
const LINE_HEIGHT = 15; // points per wrapped line at Calibri 11
const DEFAULT_HEIGHT = 15;

const FONT = { name: 'Calibri', size: 11 };
const THIN = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const WRAP_TOP = { wrapText: true, vertical: 'top', horizontal: 'left' };
const TOP = { vertical: 'top', horizontal: 'left' };

/** Rough number of lines `text` takes when wrapped in `width` character units. */
function wrappedLines(text, width, bold) {
  if (!text) return 1;
  // Calibri is proportional: an average character is narrower than the '0'
  // a column width is measured in; bold text is a little wider.
  const perLine = Math.max(1, Math.floor(width * (bold ? 1.05 : 1.15)));
  let lines = 0;
  for (const para of String(text).split('\n')) {
    // word wrap: count lines greedily
    const words = para.split(/\s+/).filter(Boolean);
    let n = 1;
    let len = 0;
    for (const w of words) {
      const add = len === 0 ? w.length : len + 1 + w.length;
      if (add > perLine && len > 0) {
        n += 1;
        len = w.length;
      } else {
        len = add;
      }
      while (len > perLine) { // a single word longer than the line
        n += 1;
        len -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

function heightFor(lines) {
  return Math.max(DEFAULT_HEIGHT, lines * LINE_HEIGHT + 2);
}

function spanWidth(from, to) {
  let w = 0;
  for (let c = from; c <= to; c += 1) w += WIDTHS[c - 1];
  return w;
}

function checkCells(row, where) {
  if (!Array.isArray(row.cells) || row.cells.length !== NCOLS) {
    throw new Error(`${where}: a "${row.type}" row needs ${NCOLS} cells`);
  }
}

/** Writes a row of seven table cells (header, action, continuation). */
function tableRow(ws, r, cells, opts) {
  const row = ws.getRow(r);
  let lines = 1;
  cells.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    if (text !== '' && text !== null && text !== undefined) cell.value = String(text);
    cell.font = opts.bold ? { ...FONT, bold: true } : { ...FONT };
    cell.alignment = { ...WRAP_TOP };
    cell.border = BORDER;
    if (opts.fill) cell.fill = opts.fill;
    lines = Math.max(lines, wrappedLines(text, WIDTHS[i], opts.bold));
  });
  row.height = heightFor(lines);
}

function buildSheet(wb, sheetDef) {
  const ws = wb.addWorksheet(sheetDef.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: '&L&8&A&R&8Page &P of &N',
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));

  let firstText = true;
  let seenHeader = false;
  sheetDef.rows.forEach((def, i) => {
    const r = i + 1;
    const where = `${sheetDef.name} row ${r}`;
    const row = ws.getRow(r);
    switch (def.type) {
      case 'blank':
        break;
      case 'text': {
        const cell = row.getCell(1);
        cell.value = def.text;
        cell.alignment = { ...TOP };
        if (firstText) {
          cell.font = { ...FONT, size: 14, bold: true };
          row.height = 20;
        } else if (/^Action plan \d{4}-\d{2} - /.test(def.text)) {
          cell.font = { ...FONT, bold: true };
        } else {
          cell.font = { ...FONT };
        }
        firstText = false;
        // The report-date line repeated after a table has started is the
        // original document's page-break repeat: print it at a page top.
        if (seenHeader && r > 1 && /^Progress report /i.test(def.text)) {
          ws.getRow(r - 1).addPageBreak();
        }
        break;
      }
      case 'objective': {
        const label = row.getCell(1);
        label.value = def.label;
        label.font = { ...FONT, bold: true };
        label.alignment = { ...TOP };
        ws.mergeCells(r, 2, r, NCOLS);
        const text = row.getCell(2);
        text.value = def.text;
        text.font = { ...FONT };
        text.alignment = { ...WRAP_TOP };
        row.height = heightFor(wrappedLines(def.text, spanWidth(2, NCOLS), false));
        break;
      }
      case 'target': {
        ws.mergeCells(r, 1, r, NCOLS);
        const cell = row.getCell(1);
        cell.value = def.text;
        cell.font = { ...FONT, italic: true };
        cell.alignment = { ...WRAP_TOP };
        row.height = heightFor(wrappedLines(def.text, spanWidth(1, NCOLS), false));
        break;
      }
      case 'header':
        seenHeader = true;
        checkCells(def, where);
        tableRow(ws, r, def.cells, { bold: true, fill: HEADER_FILL });
        break;
      case 'action':
      case 'continuation':
        checkCells(def, where);
        tableRow(ws, r, def.cells, { bold: false });
        break;
      case 'comment': {
        ws.mergeCells(r, 1, r, NCOLS);
        const cell = row.getCell(1);
        cell.value = def.text;
        cell.font = { ...FONT, bold: true, italic: true };
        cell.alignment = { ...WRAP_TOP };
        row.height = heightFor(wrappedLines(def.text, spanWidth(1, NCOLS), true));
        break;
      }
      case 'dashes':
        checkCells(def, where);
        def.cells.forEach((text, c) => {
          if (!text) return;
          const cell = row.getCell(c + 1);
          cell.value = String(text); // typed text, not a formula
          cell.font = { ...FONT };
          cell.alignment = { ...TOP };
        });
        break;
      default:
        throw new Error(`${where}: unknown row type "${def.type}"`);
    }
  });
  return ws;
}

/** Rewrites the zip with fixed entry dates so rebuilds are byte-identical. */
async function normaliseZip(buffer) {
  let JSZip;
  try {
    const exceljsDir = path.dirname(require.resolve('exceljs/package.json'));
    JSZip = require(require.resolve('jszip', { paths: [exceljsDir, ROOT] }));
  } catch (e) {
    return buffer; // content is still deterministic; only zip dates vary
  }
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n].dir);
  for (const name of names) {
    const data = await src.files[name].async('nodebuffer');
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

async function main() {
  const outPath = path.resolve(process.argv[2] || DEFAULT_OUT);
  const plan = JSON.parse(fs.readFileSync(SRC, 'utf8'));

  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = plan.title || 'Domestic violence and abuse - action plan 2008-11';
  wb.subject = 'Sample action plan for Action Plan RAG';
  wb.calcProperties.fullCalcOnLoad = false;

  for (const sheet of plan.sheets) buildSheet(wb, sheet);

  const buffer = await normaliseZip(Buffer.from(await wb.xlsx.writeBuffer()));
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, buffer);

  const summary = plan.sheets
    .map((s) => `${s.name}: ${s.rows.filter((r) => r.type === 'action').length} actions, ${s.rows.length} rows`)
    .join('; ');
  process.stdout.write(`Wrote ${path.relative(process.cwd(), outPath) || outPath} (${summary})\n`);
}

main().catch((err) => {
  process.stderr.write(`build-sample: ${err.message}\n`);
  process.exit(1);
});
