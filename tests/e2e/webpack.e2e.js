// Builds what the end-to-end test needs, into .tmp/e2e/ (nothing here goes into dist/):
//  - harness.js (browser): served in place of office.js; puts the strict fake Excel
//    (tests/fakes/fake-excel.ts, the entry of tests/fakes/excel/) in the page as the `Office` and `Excel` globals;
//  - sample.js (Node): reads the sample plan .xlsx into grids for the fake, and checks it with
//    the core, so the test knows the counts the pane must show.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const out = path.join(root, ".tmp", "e2e");
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") } },
};
const common = {
  mode: "development",
  devtool: false,
  context: root,
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [tsRule] },
  performance: { hints: false },
  infrastructureLogging: { level: "warn" },
  stats: "errors-warnings",
};

module.exports = [
  {
    ...common,
    name: "harness",
    target: "web",
    entry: path.join(__dirname, "harness.ts"),
    output: { path: out, filename: "harness.js", clean: false },
  },
  {
    ...common,
    name: "sample",
    target: "node",
    entry: path.join(__dirname, "sample.ts"),
    output: { path: out, filename: "sample.js", library: { type: "commonjs2" }, clean: false },
    externals: { exceljs: "commonjs exceljs" },
  },
];
