// What the end-to-end tests share: where things are, and a small runner that prints each check
// and leaves { passed, failed } in .tmp/ for `npm test` to count.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const paths = {
  root,
  tmp: path.join(root, ".tmp", "e2e"),
  dist: path.join(root, "dist"),
  sample: path.join(root, "assets", "sample", "action-plan-2008-11.xlsx"),
};
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The fake's today (FakeOptions.today default). */
const TODAY = "2009-12-01";

/** A runner whose counts go to .tmp/RESULT_FILE. */
function runner(resultFile) {
  const results = [];
  async function test(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      process.stdout.write(`  ✓ ${name} (${Date.now() - started} ms)\n`);
    } catch (e) {
      results.push({ name, ok: false, error: e });
      process.stdout.write(`  ✕ ${name}\n      ${String((e && e.stack) || e).split("\n").slice(0, 6).join("\n      ")}\n`);
    }
  }
  function writeResult(extra = {}) {
    fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    fs.writeFileSync(path.join(root, ".tmp", resultFile), JSON.stringify({ passed, failed, ...extra }, null, 2));
    return { passed, failed };
  }
  return { test, writeResult };
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

module.exports = { paths, CHROMIUM, OFFICE_JS, TODAY, runner, assert, equal };
