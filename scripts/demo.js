#!/usr/bin/env node
// `npm run demo`: try the task pane in a browser, without Excel. Builds the production pane (when
// dist/ is missing or older than the sources) and the end-to-end harness (the strict fake Excel of
// tests/fakes, loaded with the bundled sample plan), then serves them on http://127.0.0.1:3000/
// (PORT to change it) until Ctrl+C. The page is the production taskpane.html with office.js
// replaced by the fake; everything the pane does (check, refresh, report, settings) works on the
// sample as it would in Excel, and nothing leaves this machine.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const tmp = path.join(root, ".tmp", "e2e");
const SAMPLE = path.join(root, "assets", "sample", "action-plan-2008-11.xlsx");
/** The office.js script tag of the built page (its attributes may be quoted or not: the build minifies). */
const OFFICE_JS = /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?[^>]*><\/script>/;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`demo: ${path.basename(cmd)} ${args.join(" ")} failed.\n`);
    process.exit(1);
  }
}

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

async function main() {
  const built = path.join(dist, "taskpane.html");
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newest(path.join(root, "src")), newest(path.join(root, "webpack.config.js")))) {
    run("npm", ["run", "-s", "build"]);
  }
  run(path.join(root, "node_modules", ".bin", "webpack"), ["--config", path.join(root, "tests", "e2e", "webpack.e2e.js")]);
  const { loadSample } = require(path.join(tmp, "sample.js"));
  const today = new Date().toISOString().slice(0, 10);
  const { grids } = await loadSample(SAMPLE, today);
  const html = fs.readFileSync(built, "utf8");
  if (!OFFICE_JS.test(html)) throw new Error("dist/taskpane.html has no office.js script tag to put the fake Excel in place of");
  const page = html.replace(OFFICE_JS, () => `<script>window.__PLAN_GRIDS__ = ${JSON.stringify(grids).replace(/</g, "\\u003c")};</script><script src="/demo/office.js"></script>`);
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".css": "text/css", ".xml": "application/xml" };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    if (url === "/" || url === "/taskpane.html") {
      res.writeHead(200, { "content-type": types[".html"] });
      return res.end(page);
    }
    const file = url === "/demo/office.js" ? path.join(tmp, "harness.js") : path.resolve(dist, `.${url}`);
    if (!(file === path.join(tmp, "harness.js") || file.startsWith(dist + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  const port = Number(process.env.PORT) || 3000;
  server.listen(port, "127.0.0.1", () => {
    process.stdout.write(`The task pane with the sample plan in a fake Excel: http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
  });
}

main().catch((e) => {
  process.stderr.write(`demo: ${e.message}\n`);
  process.exit(1);
});
