#!/usr/bin/env node
// `npm run test:e2e` (and the last step of `npm test`): the task pane's end-to-end test.
//   1. makes sure Debian's chromium is there (scripts/ensure-chromium.sh: apt-get when missing);
//   2. builds the production bundle (npm run build) when dist/ is missing or older than the sources;
//   3. runs tests/e2e/pane.e2e.js, which writes .tmp/e2e-result.json ({ passed, failed }), then
//      tests/e2e/returns.e2e.js (partner returns), whose counts are added to that file.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`e2e: ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}).\n`);
    fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
    fs.writeFileSync(path.join(root, ".tmp", "e2e-result.json"), JSON.stringify({ passed: 0, failed: 1 }));
    process.exit(1);
  }
}

/** Newest modification time under a path (files only). */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

run("sh", [path.join(root, "scripts", "ensure-chromium.sh")]);

const built = path.join(root, "dist", "taskpane.html");
const sources = Math.max(newest(path.join(root, "src")), newest(path.join(root, "webpack.config.js")), newest(path.join(root, "package.json")));
if (process.env.E2E_SKIP_BUILD !== "1" && (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources)) {
  run("npm", ["run", "-s", "build"]);
}

run(process.execPath, [path.join(__dirname, "pane.e2e.js")]);
const paneResult = JSON.parse(fs.readFileSync(path.join(root, ".tmp", "e2e-result.json"), "utf8"));
const returnsRun = spawnSync(process.execPath, [path.join(__dirname, "returns.e2e.js")], { cwd: root, stdio: "inherit", env: process.env });
const returnsFile = path.join(root, ".tmp", "e2e-returns-result.json");
const returnsResult = fs.existsSync(returnsFile) ? JSON.parse(fs.readFileSync(returnsFile, "utf8")) : { passed: 0, failed: 1 };
fs.rmSync(returnsFile, { force: true });
const failedReturns = returnsRun.status === 0 ? returnsResult.failed : Math.max(1, returnsResult.failed);
fs.writeFileSync(
  path.join(root, ".tmp", "e2e-result.json"),
  JSON.stringify({ ...paneResult, passed: paneResult.passed + returnsResult.passed, failed: paneResult.failed + failedReturns }, null, 2),
);
if (failedReturns > 0) process.exit(1);
