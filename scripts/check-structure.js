#!/usr/bin/env node
// The shape of the code, checked (docs/architecture.md):
//   1. no import cycle anywhere in src/ (file by file);
//   2. no file in src/ over 400 lines, none in tests/fakes/ over 600;
//   3. the dependency rule's lint fails on files that break it: a core file importing a library, a
//      Node built-in, a shell folder, or another stage's inner file; a shell importing a core stage's
//      inner file (so a rule that silently stopped matching fails here, not in review).
// Prints what it found and exits 1 on any failure.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const problems = [];

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const rel = (p) => path.relative(root, p);
const lineCount = (text) => text.split("\n").length;

// 1. Import cycles.
const files = walk(path.join(root, "src"));
const known = new Set(files);
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) if (known.has(c)) return c;
  return null;
}
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const graph = new Map();
const lineCounts = new Map();
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  lineCounts.set(f, lineCount(text));
  const deps = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith(".")) {
      const to = resolve(f, spec);
      if (to) deps.add(to);
    }
  }
  graph.set(f, [...deps]);
}
// Tarjan's strongly connected components: any component of two or more files is a cycle.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
function strong(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of graph.get(v)) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || graph.get(v).includes(v)) problems.push(`import cycle: ${comp.map(rel).sort().join(" <-> ")}`);
  }
}
for (const f of files) if (!idx.has(f)) strong(f);

// 2. File sizes.
for (const f of files) if (lineCounts.get(f) > 400) problems.push(`${rel(f)} has ${lineCounts.get(f)} lines (at most 400 in src/)`);
const fakes = path.join(root, "tests", "fakes");
if (fs.existsSync(fakes)) {
  for (const f of walk(fakes)) {
    const n = lineCount(fs.readFileSync(f, "utf8"));
    if (n > 600) problems.push(`${rel(f)} has ${n} lines (at most 600 in tests/fakes/)`);
  }
}

// 3. The lint rules (imports; no class instances in the core), proved on files that break them.
async function lintProbes() {
  const { ESLint } = require("eslint");
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });
  const probes = [
    ["src/core/read/probe.ts", 'import ExcelJS from "exceljs";\nexport const a = ExcelJS;\n', true, "a library"],
    ["src/core/read/probe.ts", 'import * as fs from "node:fs";\nexport const a = fs;\n', true, "a Node built-in"],
    ["src/core/read/probe.ts", 'import { officeHost } from "../../excel/host";\nexport const a = officeHost;\n', true, "a shell folder"],
    ["src/core/read/probe.ts", 'import { planRefresh } from "../edits/refresh";\nexport const a = planRefresh;\n', true, "another stage's inner file"],
    ["src/core/read/probe.ts", 'import { React } from "react";\nexport const a = React;\n', true, "React"],
    ["src/core/read/probe.ts", 'import { planRefresh } from "../edits";\nimport { cellText } from "./grid-text";\nexport const a = [planRefresh, cellText];\n', false, "a stage's door and its own folder"],
    ["src/core/read/probe.ts", "export class Reader {\n  rows = 0;\n}\n", true, "a class holding state"],
    ["src/core/read/probe.ts", "export class ProbeError extends Error {}\n", false, "an error class"],
    ["src/excel/probe.ts", 'import { readPlanSheet } from "../core/read/reader";\nexport const a = readPlanSheet;\n', true, "a shell reaching into a stage"],
    ["src/excel/probe.ts", 'import { readPlanSheet } from "../core/read";\nexport const a = readPlanSheet;\n', false, "a shell through a stage's door"],
  ];
  for (const [filePath, text, mustFail, what] of probes) {
    const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
    const restricted = result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax");
    if (mustFail && restricted.length === 0) problems.push(`the structure rules let ${filePath} through with ${what}`);
    if (!mustFail && restricted.length > 0) problems.push(`the structure rules refuse ${what} in ${filePath}: ${restricted[0].message}`);
  }
  return probes.length;
}

lintProbes().then(
  (n) => {
    process.stdout.write(`${files.length} source files and ${n} lint probes of the dependency rule and the core's plain data: ${problems.length === 0 ? "no problem found" : `${problems.length} problem(s)`}\n`);
    if (problems.length > 0) {
      for (const p of problems) process.stdout.write(`  ${p}\n`);
      process.exit(1);
    }
  },
  (e) => {
    process.stdout.write(`could not run the lint probes: ${e.message}\n`);
    process.exit(1);
  },
);
