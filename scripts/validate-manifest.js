#!/usr/bin/env node
/*
 * Offline validation of the add-in manifest.
 *
 *   node scripts/validate-manifest.js [manifest.xml]      (npm run validate)
 *
 * `office-addin-manifest validate` sends the manifest to a Microsoft web
 * service, which is out of reach offline. This script checks instead:
 *
 *   1. the XML is well formed, and is an OfficeApp TaskPaneApp manifest;
 *   2. our own rules: the Id is a GUID, every URL is https, every resid
 *      resolves, ids are unique, string lengths fit Office's limits, the
 *      ExcelApi requirement is at least 1.9 (Range.getCellProperties), every
 *      URL under the add-in's base address names a file the build emits,
 *      every icon exists as a PNG of the size it is declared at, and every
 *      FunctionName is registered with Office.actions.associate("name", ...)
 *      in src/commands/commands.ts;
 *   3. the JSON schema: the manifest is converted to the unified JSON
 *      manifest (office-addin-manifest-converter) and validated with ajv
 *      against the Teams/Microsoft 365 app manifest schema v1.24 bundled in
 *      @microsoft/app-manifest. This catches what the conversion knows about
 *      (label lengths, id patterns, ...); it is no substitute for the XSD.
 *
 * Exits 0 when everything passes, 1 with a list of problems otherwise.
 * Warnings are printed but do not fail.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const COMMANDS_TS = path.join(ROOT, "src", "commands", "commands.ts");
const JSON_SCHEMA_VERSION = "1.24";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Files the build emits at the add-in's base URL, and the source each comes from (see webpack.config.js). */
const EMITTED_PAGES = {
  "taskpane.html": "src/page.html",
  "commands.html": "src/page.html",
  "help.html": "assets/help.html",
};

const failures = [];
const warnings = [];
const passes = [];
const fail = (msg) => failures.push(msg);
const warn = (msg) => warnings.push(msg);
const pass = (msg) => passes.push(msg);

// ---------------------------------------------------------------- helpers

function elements(doc, ns, name) {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

function allElements(doc) {
  return Array.from(doc.getElementsByTagName("*"));
}

function where(el) {
  return el.lineNumber ? ` (line ${el.lineNumber})` : "";
}

/** Width and height of a PNG file from its IHDR chunk, or an error string. */
function pngSize(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return { error: "file not found" };
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.toString("ascii", 12, 16) !== "IHDR") {
    return { error: "not a PNG file" };
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function rel(file) {
  return path.relative(ROOT, file) || file;
}

// ---------------------------------------------------------------- 1. XML

function parseXml(file) {
  const { DOMParser } = require("@xmldom/xmldom");
  const text = fs.readFileSync(file, "utf8");
  const problems = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") problems.push(msg);
      },
    }).parseFromString(text, "text/xml");
  } catch (err) {
    problems.push(err.message);
  }
  if (problems.length || !doc || !doc.documentElement) {
    fail(`${rel(file)} is not well-formed XML: ${[...new Set(problems)].join("; ") || "no root element"}`);
    return null;
  }
  pass("XML is well formed");
  return doc;
}

// ---------------------------------------------------------------- 2. our rules

function checkRoot(doc) {
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    fail(`the root element must be <OfficeApp xmlns="${NS.app}">, found <${root.tagName}> in ${root.namespaceURI}`);
    return false;
  }
  const type = root.getAttributeNS(NS.xsi, "type");
  if (type !== "TaskPaneApp") fail(`<OfficeApp xsi:type> must be "TaskPaneApp", found "${type}"`);
  const child = (name) => elements(doc, NS.app, name).find((e) => e.parentNode === root);

  const id = child("Id");
  const idText = id ? id.textContent.trim() : "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idText)) {
    fail(`<Id> must be a GUID such as 59256b18-eca2-48b7-87dc-b45243f88268, found "${idText}"`);
  } else if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(idText)) {
    fail("<Id> is the all-zero GUID; generate a real one");
  } else {
    pass(`Id ${idText} is a GUID`);
  }

  const version = child("Version");
  if (!version || !/^\d+(\.\d+){0,3}$/.test(version.textContent.trim())) {
    fail(`<Version> must be n.n.n.n, found "${version ? version.textContent.trim() : ""}"`);
  }
  for (const name of ["ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"]) {
    if (!child(name)) fail(`<${name}> is missing from <OfficeApp>`);
  }
  const hosts = elements(doc, NS.app, "Host").map((h) => h.getAttribute("Name"));
  if (!hosts.includes("Workbook")) fail(`<Hosts> must contain <Host Name="Workbook"/> (Excel), found ${JSON.stringify(hosts)}`);
  const perms = child("Permissions");
  if (perms && perms.textContent.trim() !== "ReadWriteDocument") {
    fail(`<Permissions> must be ReadWriteDocument (Refresh RAG writes cells), found "${perms.textContent.trim()}"`);
  }
  return true;
}

function checkRequirements(doc) {
  const sets = elements(doc, NS.app, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
  const min = sets.length ? sets[0].getAttribute("MinVersion") : null;
  const [maj, minor] = (min || "0.0").split(".").map(Number);
  if (!sets.length) fail('<Requirements> must declare <Set Name="ExcelApi" MinVersion="1.9"/> (Range.getCellProperties)');
  else if (maj < 1 || (maj === 1 && minor < 9)) fail(`ExcelApi MinVersion must be at least 1.9 (Range.getCellProperties), found ${min}`);
  else pass(`requires ExcelApi ${min}`);
}

/** Every attribute or text value that is a URL. */
function collectUrls(doc) {
  const urls = [];
  for (const el of allElements(doc)) {
    for (const attr of Array.from(el.attributes)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value.trim()) && !attr.name.startsWith("xmlns") && attr.name !== "xsi:type") {
        urls.push({ url: attr.value.trim(), el });
      }
    }
    if (el.childNodes.length === 1 && el.firstChild.nodeType === 3) {
      const t = el.firstChild.nodeValue.trim();
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) urls.push({ url: t, el });
    }
  }
  return urls;
}

function checkHttps(urls) {
  const bad = urls.filter((u) => !u.url.startsWith("https://"));
  for (const u of bad) fail(`URL is not https (Office loads add-ins over https only): ${u.url}${where(u.el)}`);
  if (!bad.length) pass(`all ${urls.length} URLs are https`);
}

/** Base address of the add-in: the SourceLocation up to taskpane.html. */
function baseUrl(doc) {
  const src = elements(doc, NS.app, "SourceLocation")[0];
  const value = src ? src.getAttribute("DefaultValue") : "";
  if (!value) {
    fail("<DefaultSettings><SourceLocation DefaultValue=...> is missing");
    return null;
  }
  if (!value.endsWith("/taskpane.html")) {
    fail(`<SourceLocation> must be <base>/taskpane.html (the page the build emits), found ${value}`);
    return null;
  }
  return value.slice(0, -"taskpane.html".length);
}

function collectResources(doc) {
  const res = {};
  const kinds = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };
  for (const [group, item] of Object.entries(kinds)) {
    res[group] = new Map();
    for (const g of elements(doc, NS.bt, group)) {
      for (const e of Array.from(g.getElementsByTagNameNS(NS.bt, item))) {
        const id = e.getAttribute("id");
        if (res[group].has(id)) fail(`resource id "${id}" is defined twice in <bt:${group}>${where(e)}`);
        res[group].set(id, { value: e.getAttribute("DefaultValue") || "", el: e });
      }
    }
  }
  return res;
}

/** Which resource group a resid must point into, by the referring element. */
function residKind(el) {
  const name = el.localName;
  const parent = el.parentNode ? el.parentNode.localName : "";
  if (name === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Url"].includes(name)) return "Urls";
  if (name === "Label" || name === "Title") return "ShortStrings";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted" || parent === "VersionOverrides")) {
    return "LongStrings";
  }
  if (name === "Tooltip") return "LongStrings";
  return null;
}

function checkResids(doc, res) {
  const before = failures.length;
  let count = 0;
  for (const el of allElements(doc)) {
    const resid = el.getAttribute("resid");
    if (!resid) continue;
    count++;
    if (resid.length > 32) fail(`resid "${resid}" is longer than 32 characters${where(el)}`);
    const kind = residKind(el);
    const groups = kind ? [kind] : Object.keys(res);
    if (!groups.some((g) => res[g].has(resid))) {
      fail(`<${el.tagName} resid="${resid}"> refers to no <bt:${kind ? kind : "*"}> resource${where(el)}`);
    }
  }
  for (const [id, { value, el }] of res.ShortStrings) {
    if (value.length > 125) fail(`short string "${id}" is ${value.length} characters; the limit is 125${where(el)}`);
  }
  for (const [id, { value, el }] of res.LongStrings) {
    if (value.length > 250) fail(`long string "${id}" is ${value.length} characters; the limit is 250${where(el)}`);
  }
  const labels = allElements(doc).filter((e) => e.localName === "Label" && e.getAttribute("resid"));
  for (const l of labels) {
    const s = res.ShortStrings.get(l.getAttribute("resid"));
    if (s && l.parentNode.localName === "Group" && s.value.length > 64) {
      fail(`group label "${s.value}" is longer than 64 characters${where(l)}`);
    }
  }
  // Resources nobody refers to are harmless but usually a typo.
  const used = new Set(allElements(doc).map((e) => e.getAttribute("resid")).filter(Boolean));
  for (const group of Object.keys(res)) {
    for (const id of res[group].keys()) if (!used.has(id)) warn(`resource "${id}" in <bt:${group}> is never used`);
  }
  if (failures.length === before) pass(`all ${count} resid references resolve; ids and strings within limits`);
}

function checkUniqueIds(doc) {
  const seen = new Map();
  for (const el of allElements(doc)) {
    if (el.namespaceURI === NS.bt) continue; // resource ids are checked per group
    const id = el.getAttribute("id");
    if (!id) continue;
    if (seen.has(id)) fail(`id "${id}" is used twice (<${seen.get(id)}> and <${el.tagName}>)${where(el)}`);
    seen.set(id, el.tagName);
    if (id.length > 125) fail(`id "${id}" is longer than 125 characters${where(el)}`);
  }
  const panes = elements(doc, NS.ov, "TaskpaneId").map((e) => e.textContent.trim());
  if (panes.length && panes.some((p) => !p)) fail("a ShowTaskpane action has an empty <TaskpaneId>");
}

/** Each https URL under the base address must name a file the build emits; icons must be PNGs of the declared size. */
function checkFiles(doc, urls, base, res) {
  // Declared pixel sizes per image URL.
  const expected = new Map(); // url -> Set of sizes
  const want = (url, size, why) => {
    if (!expected.has(url)) expected.set(url, []);
    expected.get(url).push({ size, why });
  };
  for (const img of elements(doc, NS.bt, "Image")) {
    const resid = img.getAttribute("resid");
    const size = Number(img.getAttribute("size"));
    if (!resid) continue;
    const r = res.Images.get(resid);
    if (r && size) want(r.value, size, `<bt:Image size="${size}" resid="${resid}">`);
  }
  const iconUrl = elements(doc, NS.app, "IconUrl")[0];
  if (iconUrl) want(iconUrl.getAttribute("DefaultValue"), 32, "<IconUrl> (32 x 32)");
  const hiRes = elements(doc, NS.app, "HighResolutionIconUrl")[0];
  if (hiRes) want(hiRes.getAttribute("DefaultValue"), 64, "<HighResolutionIconUrl> (64 x 64)");
  for (const [, { value }] of res.Images) if (!expected.has(value)) want(value, null, "");

  const before = failures.length;
  let checkedIcons = 0;
  const seen = new Set();
  for (const { url, el } of urls) {
    if (seen.has(url)) continue;
    seen.add(url);
    if (!base || !url.startsWith(base)) {
      if (/localhost/.test(url)) fail(`URL ${url} is on localhost but not under the add-in's base ${base}${where(el)}`);
      continue; // an external page; not ours to check
    }
    const tail = url.slice(base.length).split(/[?#]/)[0];
    if (EMITTED_PAGES[tail]) {
      if (!fs.existsSync(path.join(ROOT, EMITTED_PAGES[tail]))) {
        fail(`${url} is built from ${EMITTED_PAGES[tail]}, which does not exist`);
      }
      continue;
    }
    if (!tail.startsWith("assets/") || tail.slice(7).includes("/")) {
      fail(`${url} names no file the build emits (pages: ${Object.keys(EMITTED_PAGES).join(", ")}; images: assets/*.png)${where(el)}`);
      continue;
    }
    const file = path.join(ROOT, tail);
    const png = pngSize(file);
    if (png.error) {
      fail(`${url}: ${rel(file)} ${png.error}${where(el)}`);
      continue;
    }
    checkedIcons++;
    for (const { size, why } of expected.get(url) || []) {
      if (size && (png.width !== size || png.height !== size)) {
        fail(`${rel(file)} is ${png.width} x ${png.height} pixels but ${why} needs ${size} x ${size}`);
      }
    }
  }
  if (failures.length === before) pass(`${checkedIcons} icon files exist at their declared pixel sizes; pages exist`);
}

/** FunctionName values must be registered by Office.actions.associate in src/commands/commands.ts. */
function checkFunctions(doc) {
  const names = elements(doc, NS.ov, "FunctionName").map((e) => e.textContent.trim());
  if (!names.length) return;
  if (!fs.existsSync(COMMANDS_TS)) {
    fail(
      `${rel(COMMANDS_TS)} does not exist yet, so the ribbon functions ${names.join(", ")} are not registered; ` +
        `it must call Office.actions.associate("name", handler) for each`
    );
    return;
  }
  const source = fs
    .readFileSync(COMMANDS_TS, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1"); // comments do not register anything
  const registered = new Set();
  const re = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`]+)\1/g;
  for (let m = re.exec(source); m; m = re.exec(source)) registered.add(m[2]);
  for (const n of names) {
    if (!registered.has(n)) {
      fail(`FunctionName "${n}" in the manifest is not registered in ${rel(COMMANDS_TS)}: add Office.actions.associate("${n}", handler)`);
    }
  }
  for (const r of registered) {
    if (!names.includes(r)) warn(`${rel(COMMANDS_TS)} registers "${r}", which no ribbon button in the manifest calls`);
  }
  if (names.every((n) => registered.has(n))) pass(`ribbon functions registered: ${names.join(", ")}`);
}

// ---------------------------------------------------------------- 3. JSON schema

async function checkJsonSchema(file) {
  const converter = require("office-addin-manifest-converter");
  const Ajv = require("ajv").default;
  const addFormats = require("ajv-formats").default;
  const schemaFile = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build",
    "json-schemas",
    "teams",
    `v${JSON_SCHEMA_VERSION}`,
    "MicrosoftTeams.schema.json"
  );
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-json-"));
  const logged = [];
  const { log, error, warn: cwarn } = console;
  console.log = console.error = console.warn = (...args) => logged.push(args.join(" "));
  let json;
  try {
    await converter.convert(
      file,
      out,
      false,
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${JSON_SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
      JSON_SCHEMA_VERSION,
      false
    );
    json = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
  } catch (err) {
    fail(`converting the manifest to JSON failed: ${err && err.message ? err.message : err}`);
  } finally {
    Object.assign(console, { log, error, warn: cwarn });
    fs.rmSync(out, { recursive: true, force: true });
  }
  for (const line of logged) if (/error|warn/i.test(line)) warn(`converter: ${line.trim()}`);
  if (!json) return;

  // The schema is draft-04; it uses no keyword whose meaning changed since, so
  // ajv's default draft-07 engine reads it once its $schema line is removed.
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(json)) {
    pass(`converted JSON manifest is valid against the app manifest schema v${JSON_SCHEMA_VERSION}`);
  } else {
    for (const e of validate.errors) {
      fail(`JSON manifest schema v${JSON_SCHEMA_VERSION}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const file = path.resolve(process.argv[2] || path.join(ROOT, "manifest.xml"));
  if (!fs.existsSync(file)) {
    console.error(`validate-manifest: ${file} not found`);
    process.exit(1);
  }
  console.log(`Validating ${rel(file)} (offline)`);
  const doc = parseXml(file);
  if (doc && checkRoot(doc)) {
    checkRequirements(doc);
    const urls = collectUrls(doc);
    checkHttps(urls);
    const base = baseUrl(doc);
    const res = collectResources(doc);
    checkResids(doc, res);
    checkUniqueIds(doc);
    checkFiles(doc, urls, base, res);
    checkFunctions(doc);
    await checkJsonSchema(file);
  }
  for (const p of passes) console.log(`  ok    ${p}`);
  for (const w of warnings) console.log(`  warn  ${w}`);
  for (const f of failures) console.log(`  FAIL  ${f}`);
  if (failures.length) {
    console.log(`\n${rel(file)}: ${failures.length} problem(s). The manifest is NOT valid.`);
    process.exit(1);
  }
  console.log(`\n${rel(file)} is valid${warnings.length ? ` (${warnings.length} warning(s))` : ""}.`);
}

main().catch((err) => {
  console.error(`validate-manifest: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
