#!/usr/bin/env node
// `npm run bench`: what Check layout, Refresh RAG and Build board report cost as plans grow,
// each figure beside the floor it is compared with (docs/performance.md says what they mean).
//
//   npm run bench                 a readable table on stdout (progress on stderr)
//   npm run -s bench -- --json    one JSON object on stdout, nothing else
//
// Steps, each in a node process of its own so that one does not warm up or litter the heap of
// the next:
//   compile  src (core, xlsx, cli, excel), tests/fakes and tests/helpers/large-plan.ts with
//            tsc into .tmp/bench (scripts/bench/tsconfig.json; incremental)
//   data     the 10,000-action .xlsx plan (made once, kept in .tmp/bench-data)  make-data.js
//   syncs    context.sync() calls of each command through src/excel on the strict fake Excel,
//            at 10, 1,000 and 10,000 actions, and the requests of the largest refresh  syncs.js
//   core     checkWorkbook on an in-memory grid against a bare scan of it            core.js
//   cli      `action-plan check` on the .xlsx against ExcelJS alone loading it      read-only.js
//   bundle   gzip size of the production build's JavaScript (builds dist/ when missing or stale)
// Benchmarks measure; nothing here fails because a figure is slow. It exits non-zero only when
// a step could not run at all (its figure is then null and the reason is on stderr).
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");

const root = path.resolve(__dirname, "..");
const benchDir = path.join(__dirname, "bench");
const compiled = path.join(root, ".tmp", "bench");
const dataDir = path.join(root, ".tmp", "bench-data");
const json = process.argv.includes("--json");
const CLI_RUNS = 3;
const failures = [];

const log = (text) => process.stderr.write(`${text}\n`);
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command, its output to our stderr (stdout stays for the result); true when it exits 0. */
function runToStderr(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", 2, 2], ...options });
  return r.status === 0;
}

/** Runs a node script of scripts/bench and parses the JSON object it prints. */
function nodeJson(script, args, nodeFlags = [], timeoutMs = 150_000) {
  const r = spawnSync(process.execPath, [...nodeFlags, path.join(benchDir, script), ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", 2],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} ${r.signal ? `was stopped (${r.signal})` : `exited with status ${r.status}`}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** Wall-clock milliseconds of a process from spawn to exit, and its stdout; an exit status not in okCodes rejects. */
function timeProcess(cmd, args, okCodes = [0]) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (okCodes.includes(code)) resolve({ ms, out });
      else reject(new Error(`${path.basename(args[0] || cmd)} exited with status ${code}: ${err.trim().split("\n")[0]}`));
    });
  });
}

/** Wall-clock milliseconds of a process that exits 0, with the JSON its last stdout line holds. */
async function timeJsonProcess(cmd, args) {
  const { ms, out } = await timeProcess(cmd, args);
  return { ms, ...JSON.parse(out.trim().split("\n").pop()) };
}

async function step(name, fn) {
  const started = Date.now();
  log(`bench: ${name} ...`);
  try {
    const result = await fn();
    log(`bench: ${name} done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (e) {
    log(`bench: ${name} FAILED: ${e.message}`);
    failures.push(name);
    return null;
  }
}

function machine() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo);
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: model ? model[1].trim() : os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

/* ---- compile ---- */

function compile() {
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(benchDir, "tsconfig.json")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    // noEmitOnError is off: a type error in work under way elsewhere still leaves JavaScript to run.
    log(`bench: tsc reported problems (the bench runs what was emitted):\n${(r.stdout + r.stderr).trim().split("\n").slice(0, 20).join("\n")}`);
  }
  for (const f of ["src/core/commands/index.js", "tests/helpers/large-plan.js"]) {
    if (!fs.existsSync(path.join(compiled, f))) throw new Error(`compiling for the bench did not give ${f}`);
  }
}

/* ---- command line ---- */

async function cli(data) {
  const bin = path.join(root, "bin", "action-plan.js");
  const readOnly = path.join(benchDir, "read-only.js");
  const entry = path.join(root, "build", "cli", "main.js");
  const stamp = () => (fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0);
  // A run in which bin/action-plan.js had to recompile build/ (someone changed src/ meanwhile) times tsc, not the check: run it again.
  const check = async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = stamp();
      const { ms } = await timeProcess(process.execPath, [bin, "check", data.file], [0, 1]);
      if (stamp() === before) return ms;
      log("bench: build/ was recompiled during a timed run (its sources changed); running it again");
    }
    throw new Error("build/ was recompiled in every attempt: the sources keep changing");
  };
  const read = async () => (await timeProcess(process.execPath, [readOnly, data.file])).ms;
  // One of each first, untimed: bin/action-plan.js compiles build/ when it is stale, and the file comes into the page cache.
  await check();
  await read();
  const checks = [];
  const reads = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    checks.push(await check());
    reads.push(await read());
  }
  const checkMs = median(checks);
  const readMs = median(reads);
  // refresh: the package writer (the command line as it is) against the ExcelJS load-edit-save it replaced.
  const refreshScript = path.join(benchDir, "refresh.js");
  const outFile = (mode) => path.join(dataDir, `refreshed-${mode}.xlsx`);
  const refresh = (mode) => timeJsonProcess(process.execPath, [refreshScript, compiled, mode, data.file, outFile(mode)]);
  await refresh("package");
  await refresh("exceljs");
  const byPackage = [];
  const byExcelJs = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    byPackage.push(await refresh("package"));
    byExcelJs.push(await refresh("exceljs"));
  }
  const refreshMs = median(byPackage.map((r) => r.ms));
  const excelJsMs = median(byExcelJs.map((r) => r.ms));
  return {
    actions: data.actions,
    checkMs: Math.round(checkMs),
    readMs: Math.round(readMs),
    ratio: round(checkMs / readMs, 2),
    fileBytes: data.bytes,
    refresh: {
      ms: Math.round(refreshMs),
      maxRssMb: Math.max(...byPackage.map((r) => r.maxRssMb)),
      excelJsMs: Math.round(excelJsMs),
      excelJsMaxRssMb: Math.max(...byExcelJs.map((r) => r.maxRssMb)),
      ratio: round(refreshMs / excelJsMs, 2),
      outBytes: fs.statSync(outFile("package")).size,
    },
    runs: { check: checks.map(Math.round), read: reads.map(Math.round), refresh: byPackage.map((r) => Math.round(r.ms)), refreshExcelJs: byExcelJs.map((r) => Math.round(r.ms)) },
  };
}

/* ---- bundle ---- */

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newestMtime(path.join(p, e)));
  return t;
}

/** The local scripts an HTML page loads (its own and those boot.js loads), as paths in dist/. */
function scriptsOf(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(?:[a-z]+:)?\/\//i.test(src)) continue; // office.js from Microsoft's CDN is not ours
    out.push(src.split(/[?#]/)[0].replace(/^\.?\//, ""));
  }
  // The task pane's bundle is listed for boot.js to load (src/boot/boot.js), not in <script src>.
  const listed = /__ACTION_PLAN_SCRIPTS__\s*=\s*(\[[^\]]*\])/.exec(html);
  if (listed) for (const src of JSON.parse(listed[1])) out.push(String(src).replace(/^\.?\//, ""));
  return out;
}

function bundle() {
  const dist = path.join(root, "dist");
  const pages = { taskpane: "taskpane.html", commands: "commands.html" };
  const outputs = Object.values(pages).map((p) => path.join(dist, p));
  const built = Math.min(...outputs.map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
  const sources = Math.max(
    ...["src/taskpane", "src/commands", "src/excel", "src/core", "assets", "manifest.xml", "webpack.config.js", "package.json", "package-lock.json", "tsconfig.json"].map((p) => newestMtime(path.join(root, p)))
  );
  let stale = built === 0 || sources > built;
  if (stale) {
    log(`bench: dist/ is ${built === 0 ? "missing" : "older than its sources"}: npm run build`);
    if (runToStderr("npm", ["run", "-s", "build"])) stale = false;
    else if (!outputs.every((p) => fs.existsSync(p))) throw new Error("npm run build failed and there is no dist/ to measure");
    else log("bench: npm run build failed; measuring the dist/ that is there (stale)");
  }
  const result = { stale };
  for (const [name, page] of Object.entries(pages)) {
    const files = scriptsOf(fs.readFileSync(path.join(dist, page), "utf8"));
    let gzip = 0;
    let raw = 0;
    for (const f of files) {
      const data = fs.readFileSync(path.join(dist, f));
      raw += data.length;
      gzip += zlib.gzipSync(data, { level: 9 }).length;
    }
    result[`${name}GzipBytes`] = gzip;
    result[`${name}Bytes`] = raw;
    result[`${name}Files`] = files;
  }
  return {
    taskpaneGzipBytes: result.taskpaneGzipBytes,
    commandsGzipBytes: result.commandsGzipBytes,
    taskpaneBytes: result.taskpaneBytes,
    commandsBytes: result.commandsBytes,
    files: { taskpane: result.taskpaneFiles, commands: result.commandsFiles },
    stale: result.stale,
  };
}

/* ---- the table ---- */

const kb = (n) => (n === null || n === undefined ? "-" : `${(n / 1024).toFixed(1)} KB`);
const mb = (n) => (n === null || n === undefined ? "-" : `${(n / 2 ** 20).toFixed(2)} MB`);
const num = (n) => (n === null || n === undefined ? "-" : n.toLocaleString("en-GB"));

function table(r) {
  const lines = [];
  const m = r.machine;
  lines.push(`Action Plan RAG benchmark: ${m.cpu}, ${m.nproc} cores, node ${m.node}, load average ${m.loadAverage.join(" ")} at start`);
  lines.push("");
  lines.push("Round trips to Excel: context.sync() calls per command, through src/excel on the strict fake Excel");
  const sizes = ["10", "1000", "10000"];
  const names = { check: "check", refresh: "refresh", refreshAgain: "refresh again", report: "report" };
  for (const [title, counts] of [["Excel on the web (5 MB limit on each request and response)", r.syncs], ["Excel on the desktop (no payload limit)", r.syncsDesktop]]) {
    lines.push(`  ${title}`);
    lines.push(`    ${"command".padEnd(14)}${sizes.map((s) => `${num(Number(s))} actions`.padStart(16)).join("")}`);
    for (const [c, label] of Object.entries(names)) {
      const row = counts?.[c] ?? {};
      const failed = (s) => counts === r.syncs && r.requests?.[c]?.[s]?.ok === false;
      lines.push(`    ${label.padEnd(14)}${sizes.map((s) => `${row[s] ?? "-"}${failed(s) ? " (failed)" : ""}`.padStart(16)).join("")}`);
    }
  }
  const req = r.requests?.refresh?.["10000"];
  lines.push(
    `  refresh of 10,000 actions: ${
      req
        ? `${req.count} request${req.count === 1 ? "" : "s"}, the largest ${mb(req.largestBytes)}; largest response ${mb(req.largestResponseBytes)}` +
          `${req.refused.length ? `; refused by the 5 MB limit: ${req.refused.length}` : ""} (Excel on the web's limit: 5 MB each way)`
        : "-"
    }`
  );
  for (const note of r.syncNotes ?? []) lines.push(`  ! ${note}`);
  lines.push("");
  const c = r.core;
  lines.push("Core, in memory: read, assess and validate every action (checkWorkbook), median of several runs");
  lines.push(
    c
      ? `  10,000 actions: ${c.ms} ms; bare scan reading every cell's text: ${c.scanMs} ms; ratio ${c.ratio}x; 10,000 vs 1,000 actions: ${c.growth}x the time (10 = linear)`
      : "  -"
  );
  lines.push("");
  const l = r.cli;
  lines.push(`Command line: action-plan check on a 10,000-action .xlsx${l ? ` (${kb(l.fileBytes)})` : ""}, median of ${CLI_RUNS} fresh processes`);
  lines.push(l ? `  check ${num(l.checkMs)} ms; ExcelJS alone loading the file ${num(l.readMs)} ms; ratio ${l.ratio}x` : "  -");
  lines.push(
    l
      ? `  refresh ${num(l.refresh.ms)} ms, peak memory ${num(l.refresh.maxRssMb)} MB; the ExcelJS load-edit-save it replaced ${num(l.refresh.excelJsMs)} ms, ${num(l.refresh.excelJsMaxRssMb)} MB; ratio ${l.refresh.ratio}x`
      : "  -",
  );
  lines.push("");
  const b = r.bundle;
  lines.push("Add-in download: the production build's JavaScript, gzipped");
  lines.push(b ? `  task pane ${kb(b.taskpaneGzipBytes)} (${b.files.taskpane.join(" + ")}); ribbon commands ${kb(b.commandsGzipBytes)} (${b.files.commands.join(" + ")})${b.stale ? " [dist/ stale: build failed]" : ""}` : "  -");
  return lines.join("\n");
}

/* ---- main ---- */

async function main() {
  const started = Date.now();
  const result = { machine: machine() };
  const ok = await step("compile", compile);
  const data = ok === null ? null : await step("data", () => nodeJson("make-data.js", [compiled, dataDir, "10000"]));
  if (data && !data.formsAgree) log("bench: WARNING: the generator's .xlsx and in-memory forms give different checks");
  const syncs = ok === null ? null : await step("syncs", () => nodeJson("syncs.js", [compiled], [], 170_000));
  result.syncs = syncs ? syncs.syncs : null;
  result.syncsDesktop = syncs ? syncs.syncsDesktop : null;
  result.requests = syncs ? syncs.requests : null;
  if (syncs?.notes) result.syncNotes = syncs.notes;
  result.core = ok === null ? null : await step("core", () => nodeJson("core.js", [compiled], ["--expose-gc"]));
  result.cli = data ? await step("cli", () => cli(data)) : null;
  result.bundle = await step("bundle", bundle);
  result.plan = data ? { actions: data.actions, xlsxBytes: data.bytes, generatorFormsAgree: data.formsAgree, ...(result.core?.plan ?? {}) } : null;
  result.seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${table(result)}\n`);
  if (failures.length > 0) {
    log(`bench: steps that could not run: ${failures.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  log(`bench: ${e.stack || e.message}`);
  process.exit(1);
});
