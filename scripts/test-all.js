#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one closing line of counts:
// type check (strict; and the core alone, with no DOM or Node types), lint (office-addin-lint and the
// dependency rule), structure (no import cycle, file sizes, the dependency rule proved on probes),
// manifest validation (offline), unit and integration tests (jest), the scale test (10,000 actions
// through the Office.js code, its own jest configuration), the production build, the pane end to end in
// headless Chromium, and the refreshed plan and its report printed by LibreOffice.
// Each step's output is shown as it runs; a failed step is named at the end and the exit status is 1.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const jestJson = path.join(os.tmpdir(), `action-plan-jest-${process.pid}.json`);
const scaleJson = path.join(os.tmpdir(), `action-plan-scale-${process.pid}.json`);

const steps = [
  ["type check", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]],
  ["type check of the core alone (no DOM, no Node)", bin("tsc"), ["-p", "tsconfig.core.json"]],
  ["lint", "npm", ["run", "-s", "lint"]],
  ["structure (no cycle, file sizes, the dependency rule proved)", "node", ["scripts/check-structure.js"]],
  ["manifest", "npm", ["run", "-s", "validate"]],
  ["unit and integration tests", bin("jest"), ["--json", `--outputFile=${jestJson}`, ...(process.env.CI ? ["--ci"] : [])]],
  ["scale (10,000 actions)", bin("jest"), ["-c", "tests/scale/jest.config.js", "--json", `--outputFile=${scaleJson}`, ...(process.env.CI ? ["--ci"] : [])]],
  ["production build", "npm", ["run", "-s", "build"]],
  ["end-to-end (Chromium)", "node", ["tests/e2e/run.js"]],
  ["rendering (LibreOffice)", "node", ["tests/render/run.js"]],
];

/** Jest steps, and the file where each leaves its --json results. */
const JEST_FILES = { "unit and integration tests": jestJson, "scale (10,000 actions)": scaleJson };
/** Steps that count their own tests, and the file where they leave { passed, failed }. */
const RESULT_FILES = { "end-to-end (Chromium)": "e2e-result.json", "rendering (LibreOffice)": "render-result.json" };

let passed = 0;
let failed = 0;
const failures = [];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name} ==\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  const ok = r.status === 0;
  process.stdout.write(`== ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const jestFile = JEST_FILES[name];
  if (jestFile && fs.existsSync(jestFile)) {
    const j = JSON.parse(fs.readFileSync(jestFile, "utf8"));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    if (j.numRuntimeErrorTestSuites > 0) failed += j.numRuntimeErrorTestSuites;
    fs.rmSync(jestFile, { force: true });
  } else if (RESULT_FILES[name] && fs.existsSync(path.join(root, ".tmp", RESULT_FILES[name]))) {
    const e = JSON.parse(fs.readFileSync(path.join(root, ".tmp", RESULT_FILES[name]), "utf8"));
    passed += e.passed;
    failed += e.failed;
    fs.rmSync(path.join(root, ".tmp", RESULT_FILES[name]), { force: true });
  } else if (ok) passed++;
  else failed++;
  if (!ok) failures.push(name);
}

process.stdout.write(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failures.length ? 1 : 0);
