// Printing workbooks as an officer would: headless LibreOffice to PDF, poppler to text and pictures.
// Shared by the rendering test (tests/render/run.js) and scripts/render-docs.js.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 180_000, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}): ${(r.stderr || "").trim().slice(0, 400)}`);
  return r.stdout;
}

/** Installs LibreOffice and poppler when missing (the project's own script). */
function ensureLibreOffice() {
  sh("sh", [path.join(root, "scripts", "ensure-libreoffice.sh")], { stdio: ["ignore", "inherit", "inherit"] });
}

/** Prints a workbook to PDF with LibreOffice into `dir`; returns the PDF's path. */
function toPdf(xlsx, dir) {
  const profile = path.join(dir, "lo-profile");
  sh("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
  const pdf = path.join(dir, path.basename(xlsx).replace(/\.xls[xm]$/, ".pdf"));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${xlsx}`);
  return pdf;
}

/** The text of each page of a PDF, in order. */
function pageTexts(pdf) {
  const pages = Number((sh("pdfinfo", [pdf]).match(/^Pages:\s+(\d+)/m) || [])[1] || 0);
  const out = [];
  for (let i = 1; i <= pages; i++) out.push(sh("pdftotext", ["-layout", "-f", String(i), "-l", String(i), pdf, "-"]));
  return out;
}

/** The 1-based numbers of the pages printed from a sheet (its title, repeated on every page, starts the page). */
function pagesOf(texts, titlePrefix) {
  return texts.map((t, i) => [t, i + 1]).filter(([t]) => t.trimStart().startsWith(titlePrefix)).map(([, n]) => n);
}

/** One page of a PDF as a PNG at `dpi`, written to `png`. */
function pageToPng(pdf, page, dpi, png) {
  const prefix = png.replace(/\.png$/, "");
  sh("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  return png;
}

module.exports = { root, sh, ensureLibreOffice, toPdf, pageTexts, pagesOf, pageToPng };
