#!/usr/bin/env node
// Runs the command line from the compiled build/, compiling it first when it is missing or
// older than its sources (so `npm run -s action-plan -- ...` works straight after `npm ci`).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "build", "cli", "main.js");

/** The newest change under a folder: files, and folders themselves (a deleted or moved file changes its folder). */
function newest(dir) {
  let t = fs.statSync(dir).mtimeMs;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  if (!fs.existsSync(entry)) return true;
  const src = path.join(root, "src");
  if (!fs.existsSync(src)) return false; // installed package: build/ ships compiled
  const sources = Math.max(...["core", "xlsx", "cli"].map((d) => newest(path.join(src, d))));
  return sources > fs.statSync(entry).mtimeMs;
}

if (stale()) {
  try {
    // A clean build: files left from an earlier layout of src/ would shadow the new modules.
    fs.rmSync(path.join(root, "build"), { recursive: true, force: true });
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    process.stderr.write("action-plan: the command line could not be compiled (see the errors above)\n");
    process.exit(2);
  }
}
require(entry).main();
