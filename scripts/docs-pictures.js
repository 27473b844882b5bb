#!/usr/bin/env node
// `npm run docs:pictures`: refreshes the pictures README.md shows, on purpose and only then (npm test
// never writes into tracked files). Runs the end-to-end test of the pane, which leaves its screenshots
// in .tmp/e2e/, and copies the ones the README shows into docs/.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const PICTURES = [
  [".tmp/e2e/taskpane.png", "docs/taskpane.png"],
  [".tmp/e2e/returns-section-450.png", "docs/returns.png"],
];

const e2e = spawnSync("node", [path.join(root, "tests", "e2e", "run.js")], { cwd: root, stdio: "inherit" });
if (e2e.status !== 0) {
  process.stderr.write("docs:pictures: the end-to-end test failed, so no picture was copied.\n");
  process.exit(1);
}
for (const [from, to] of PICTURES) {
  fs.copyFileSync(path.join(root, from), path.join(root, to));
  process.stdout.write(`${to} updated from ${from}\n`);
}
// The board report's pages (docs/board-report.png, docs/by-lead.png), printed by LibreOffice.
const report = spawnSync("node", [path.join(root, "scripts", "render-docs.js")], { cwd: root, stdio: "inherit" });
if (report.status !== 0) process.exit(1);
