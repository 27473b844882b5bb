#!/usr/bin/env node
// The core's cost, in a process of its own (run by scripts/bench.js with --expose-gc):
// checkWorkbook (read every plan sheet, assess every action, validate) on an in-memory grid of
// 1,000 and of 10,000 actions, against a bare scan of the same grid that reads every cell's text
// the way the reader first reads it (grid.ts cellText: trimmed, white space made single), which
// is the floor: no reader can do less than look at every cell once.
// Each figure is the median of several runs after warm-up runs, with a garbage collection
// before each run so that one run does not pay for the last one's garbage.
// Prints one JSON object on stdout.
"use strict";
const path = require("node:path");

const out = process.argv[2] && path.resolve(process.argv[2]);
if (!out) throw new Error("usage: core.js COMPILED_DIR");
const { largePlanGrids } = require(path.join(out, "tests/helpers/large-plan.js"));
const { checkWorkbook } = require(path.join(out, "src/core/commands/index.js"));
const { cellText } = require(path.join(out, "src/core/grid/index.js"));
const { DEFAULT_SETTINGS } = require(path.join(out, "src/core/model/index.js"));

const OPTIONS = { asOf: null, today: "2009-10-16", settings: DEFAULT_SETTINGS };
const collect = typeof global.gc === "function" ? global.gc : () => {};

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The floor: every cell of every grid, its text read once. */
function scan(grids) {
  let chars = 0;
  for (const g of grids) for (const row of g.rows) for (const cell of row) chars += cellText(cell).length;
  return chars;
}

function time(fn, warmups, runs) {
  for (let i = 0; i < warmups; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

function planOf(actions) {
  const grids = largePlanGrids({ actions });
  const check = checkWorkbook(grids, OPTIONS);
  const read = check.sheets.reduce((n, s) => n + s.actions.length, 0);
  if (read !== actions) throw new Error(`the reader found ${read} actions in a generated plan of ${actions}`);
  const cells = grids.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.filter((c) => c && c.kind !== "empty").length, 0), 0);
  const rows = grids.reduce((n, g) => n + g.rows.length, 0);
  return { actions, grids, sheets: grids.length, rows, cells };
}

let sink = 0;
function measure(plan, warmups, runs) {
  const ms = time(() => (sink += checkWorkbook(plan.grids, OPTIONS).sheets.length), warmups, runs);
  const scanMs = time(() => (sink += scan(plan.grids)), warmups, runs);
  return { ...plan, ms, scanMs };
}

const smallPlan = planOf(1000);
const largePlan = planOf(10000);
// Warm both sizes up first, so that the smaller one is not measured with less optimised code.
for (let i = 0; i < 3; i++) {
  checkWorkbook(largePlan.grids, OPTIONS);
  for (let j = 0; j < 3; j++) checkWorkbook(smallPlan.grids, OPTIONS);
}
const small = measure(smallPlan, 3, 15);
const large = measure(largePlan, 2, 9);
if (sink < 0) console.error(sink);
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
process.stdout.write(
  JSON.stringify({
    actions: large.actions,
    ms: round(large.ms),
    scanMs: round(large.scanMs, 2),
    ratio: round(large.ms / large.scanMs),
    growth: round(large.ms / small.ms, 2),
    at1000: { ms: round(small.ms), scanMs: round(small.scanMs, 2) },
    plan: { sheets: large.sheets, rows: large.rows, cells: large.cells },
    runs: { measured: { 1000: 15, 10000: 9 } },
  }) + "\n"
);
