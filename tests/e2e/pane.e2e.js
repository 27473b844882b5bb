#!/usr/bin/env node
/*
 * End-to-end test of the task pane in real headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core), on the production build in dist/, with the Office host replaced by the
 * strict fake Excel (tests/fakes/fake-excel.ts, the entry of tests/fakes/excel/) loaded with the sample plan.
 *
 *   node tests/e2e/run.js      ensures chromium and a fresh dist/, then runs this file
 *   node tests/e2e/pane.e2e.js runs only this file (dist/ and /usr/bin/chromium must exist)
 *
 * It serves dist/ on 127.0.0.1, serves tests/e2e/harness.ts (bundled by webpack.e2e.js) in place
 * of the office.js CDN address in taskpane.html, and checks what an officer does: Check layout,
 * the one-click fix, Refresh RAG and its counts (the same as the core's check of the file),
 * clicking an issue and an action (the fake's selection moves), settings saved in the workbook,
 * Build board report, the pane outside Excel, no sideways scrolling at 320 px, keyboard order.
 * Screenshots: .tmp/e2e/taskpane.png (450 px), taskpane-320.png and more in .tmp/e2e/ (never in docs/: `npm run docs:pictures` copies the ones the README shows).
 * Writes .tmp/e2e-result.json ({ passed, failed }) for `npm test`.
 * Installs nothing and downloads nothing.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");

const { paths, CHROMIUM, OFFICE_JS, TODAY, runner, assert, equal } = require("./runner");

const { root, tmp, dist, sample: SAMPLE } = paths;
const WORDS = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", "not-reported": "Not reported" };
const ORDER = ["red", "amber", "green", "blue", "not-reported"];
const { test, writeResult } = runner("e2e-result.json");

// ---- set-up ------------------------------------------------------------------------------------
function buildHarness() {
  const webpack = path.join(root, "node_modules", ".bin", "webpack");
  const r = spawnSync(webpack, ["--config", path.join(__dirname, "webpack.e2e.js")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("building the e2e harness failed (tests/e2e/webpack.e2e.js)");
}

/** Counts by status of the core's check of the sample (all sheets, and per sheet). */
function expectedCounts(check) {
  const count = (actions) => Object.fromEntries(ORDER.map((r) => [r, actions.filter((a) => a.rag === r).length]));
  return {
    total: count(check.sheets.flatMap((s) => s.actions)),
    sheets: Object.fromEntries(check.sheets.map((s) => [s.name, count(s.actions)])),
  };
}
/** The badge texts the pane shows for counts ("Red 12"), Blue left out where zero (BRAG off). */
const badgeTexts = (counts) => ORDER.filter((r) => r !== "blue" || counts[r] > 0).map((r) => `${WORDS[r]} ${counts[r]}`);

async function openPane(browser, base, { width, grids, fakeOptions, office = "fake", colorScheme = "light", forcedColors = "none", oldSyntax = false }) {
  // A UK officer's Excel: en-GB (the date box reads day/month/year).
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1, locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  if (forcedColors !== "none") await page.emulateMedia({ forcedColors });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Nothing leaves 127.0.0.1: office.js is the fake (or absent); any other outside request fails.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url === OFFICE_JS && office === "fake") {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(path.join(tmp, "harness.js"), "utf8") });
    }
    if (url === OFFICE_JS && office === "browser") {
      // Office.js in a plain browser: onReady resolves with no host.
      const body = "window.Office={HostType:{Excel:'Excel'},context:{},onReady:function(cb){var i={host:null,platform:null};return Promise.resolve().then(function(){cb&&cb(i);return i;});}};";
      return route.fulfill({ status: 200, contentType: "text/javascript", body });
    }
    return route.abort();
  });
  if (oldSyntax) {
    // An old web view: new Function refuses optional chaining, as IE11 and EdgeHTML do.
    await page.addInitScript(() => {
      const Real = window.Function;
      window.Function = function (...args) {
        if (args.some((a) => String(a).includes("?."))) throw new SyntaxError("Expected identifier");
        return Real(...args);
      };
    });
  }
  if (office === "fake") {
    await page.addInitScript(({ g, o }) => {
      window.__PLAN_GRIDS__ = g;
      window.__FAKE_OPTIONS__ = o;
    }, { g: grids, o: fakeOptions || { today: TODAY } });
  }
  await page.goto(base + "taskpane.html");
  return { context, page, errors };
}

const fake = (page, fn, arg) => page.evaluate(fn, arg);
const noSidewaysScroll = (page) =>
  page.evaluate(() => {
    const d = document.documentElement;
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, ok: d.scrollWidth <= d.clientWidth };
  });

/** Words of every badge in a counts list. */
async function badges(list) {
  return (await list.locator("li").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
}

async function main() {
  fs.mkdirSync(tmp, { recursive: true });
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` (or `npm run test:e2e`).");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (or \`npm run test:e2e\`).`);
  buildHarness();
  const { loadSample } = require(path.join(tmp, "sample.js"));
  const { grids, check } = await loadSample(SAMPLE, TODAY);
  const expected = expectedCounts(check);
  const sheetNames = check.sheets.map((s) => s.name);
  const totalActions = check.sheets.reduce((n, s) => n + s.actions.length, 0);

  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-GB"],
    // A UK officer's machine: the date box reads day/month/year (needs chromium-l10n's en-GB locale).
    env: { ...process.env, LANG: "en_GB.UTF-8", LANGUAGE: "en_GB:en" },
  });
  let bundle = null;
  try {
    console.log(`Task pane end to end (Chromium ${browser.version()}, dist/ on ${server.url}, sample: ${totalActions} actions on ${sheetNames.join(", ")})`);

    await test("office.js unreachable (a blocked network): the boot script says so, not 'open in Excel'", async () => {
      const { context, page } = await openPane(browser, server.url, { width: 320, office: "none" });
      try {
        const box = page.getByTestId("boot-message");
        await box.waitFor({ timeout: 15000 });
        equal(await box.getAttribute("data-kind"), "no-office", "boot message");
        const text = await box.innerText();
        assert(text.includes("could not load office.js"), `message: ${text}`);
        assert(!text.includes("Open this pane in Excel"), `not 'open in Excel': ${text}`);
        await page.screenshot({ path: path.join(tmp, "no-office-js-320.png") });
      } finally {
        await context.close();
      }
    });

    await test("an old web view (cannot parse ?.): the production boot.js parses as ES5 and asks for an update", async () => {
      // The syntax check of the boot script as built: ES5 only, as IE11 and EdgeHTML parse.
      const { parse } = require("acorn");
      parse(fs.readFileSync(path.join(dist, "boot.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" });
      const { context, page } = await openPane(browser, server.url, { width: 320, grids, oldSyntax: true });
      try {
        const box = page.getByTestId("boot-message");
        await box.waitFor({ timeout: 15000 });
        equal(await box.getAttribute("data-kind"), "old-browser", "boot message");
        assert((await box.innerText()).includes("Update Office"), "says to update Office");
        // The main bundle was never loaded: only office.js (the fake) and boot.js ran.
        const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")).filter(Boolean));
        assert(!scripts.some((s) => /taskpane/.test(s)), `bundle not loaded: ${scripts.join(", ")}`);
        await page.screenshot({ path: path.join(tmp, "old-web-view-320.png") });
      } finally {
        await context.close();
      }
    });

    await test("outside Excel (office.js in a plain browser): says so", async () => {
      const { context, page } = await openPane(browser, server.url, { width: 450, office: "browser" });
      try {
        await page.getByTestId("outside-excel").waitFor({ timeout: 15000 });
        assert(await page.getByRole("button", { name: "Refresh RAG" }).isDisabled(), "Refresh RAG disabled");
      } finally {
        await context.close();
      }
    });

    // The officer's session, at 450 px, on one page.
    const { context, page, errors } = await openPane(browser, server.url, { width: 450, grids });
    try {
      await test("opens in Excel with the report date of the active sheet", async () => {
        const caption = page.getByTestId("as-of-caption");
        await caption.filter({ hasText: "report date on" }).waitFor({ timeout: 15000 });
        const first = check.sheets[0];
        const day = (iso) => {
          const [y, m, d] = iso.split("-").map(Number);
          return `${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
        };
        equal(await caption.innerText(), `As of ${day(first.reportDate)} (report date on ${first.name})`, "as-of caption");
        equal(await page.getByLabel(/As-of date/).inputValue(), first.reportDate, "date box");
        assert(await page.getByRole("button", { name: "Refresh RAG" }).isEnabled(), "Refresh RAG enabled");
      });

      await test("keyboard: Tab goes date, Check layout, Refresh RAG, Build board report", async () => {
        await page.locator("body").click({ position: { x: 5, y: 5 } });
        await page.keyboard.press("Tab");
        const order = [];
        for (let i = 0; i < 8; i++) {
          order.push(await page.evaluate(() => (document.activeElement.getAttribute("type") === "date" ? "date" : document.activeElement.textContent.trim())));
          await page.keyboard.press("Tab");
        }
        // A date input has inner fields (day, month, year) that Tab may visit one by one.
        const steps = order.filter((x, i) => x !== order[i - 1]);
        equal(steps.slice(0, 4), ["date", "Check layout", "Refresh RAG", "Build board report"], "focus order");
      });

      await test("Check layout lists the issues by sheet and severity, with hints", async () => {
        await page.getByRole("button", { name: "Check layout" }).click();
        await page.getByTestId("results").waitFor();
        const issues = page.getByTestId("section-issues");
        const headings = await issues.locator("h3").allInnerTexts();
        const withIssues = check.sheets.filter((s) => s.issues.length > 0);
        equal(headings, withIssues.map((s) => `${s.name} (${s.issues.length})`), "issue groups");
        const hints = await issues.getByText(/^What to do: /).count();
        assert(hints > 0, "issues carry their fix hints");
        equal(await page.getByTestId("live").innerText(), (await page.getByTestId("live").innerText()).trim(), "live region");
        assert((await page.getByTestId("live").innerText()).startsWith("Check done."), "results announced");
      });

      await test("one-click fix adds the Progress and RAG columns to the sheet in Excel", async () => {
        const fix = page.getByRole("button", { name: "Add Progress and RAG columns" }).first();
        const sheetOfFix = await fix.evaluate((b) => b.closest("[data-testid^='issues-']").getAttribute("data-testid").replace(/^issues-/, "").replace(/-(error|warning|info)$/, ""));
        const before = await fake(page, (s) => window.__fakeExcel.sheetByName(s).cells.size, sheetOfFix);
        await fix.click();
        await page.getByTestId("notice").filter({ hasText: "Added" }).waitFor();
        const headers = await fake(page, (s) => {
          const sh = window.__fakeExcel.sheetByName(s);
          return [...sh.cells.values()].map((c) => c.value).filter((v) => v === "Progress" || v === "RAG");
        }, sheetOfFix);
        assert(headers.includes("Progress") && headers.includes("RAG"), `Progress and RAG headers written on ${sheetOfFix}: ${headers}`);
        const after = await fake(page, (s) => window.__fakeExcel.sheetByName(s).cells.size, sheetOfFix);
        assert(after > before, "cells were added");
        const stillOffered = await page.getByTestId(`issues-${sheetOfFix}`).getByRole("button", { name: "Add Progress and RAG columns" }).count();
        equal(stillOffered, 0, "the fix is no longer offered for that sheet");
      });

      await test("Refresh RAG shows the counts by status, per sheet and in total, as the core's check says", async () => {
        await page.getByRole("button", { name: "Refresh RAG" }).click();
        // While it runs the buttons are disabled (may be very brief against the fake).
        await page.getByTestId("notice").waitFor();
        await page.getByTestId("live").filter({ hasText: "RAG refreshed." }).waitFor();
        const results = page.getByTestId("results");
        equal(await results.locator("h2").innerText(), `All plan sheets: ${totalActions} actions`, "total heading");
        equal(await badges(results.getByRole("list", { name: /^All plan sheets/ })), badgeTexts(expected.total), "total badges");
        for (const name of sheetNames) {
          const li = page.getByTestId(`sheet-counts-${name}`);
          equal(await badges(li.getByRole("list")), badgeTexts(expected.sheets[name]), `${name} badges`);
        }
        // And Excel has one status word in the RAG column for each action.
        const written = await fake(page, (names) => {
          const words = new Set(["Red", "Amber", "Green", "Blue", "Not reported"]);
          const out = {};
          for (const n of names) {
            const sh = window.__fakeExcel.sheetByName(n);
            let ragCol = -1;
            let headerRow = -1;
            for (const [k, c] of sh.cells) {
              if (c.value === "RAG") {
                ragCol = k % 16384;
                headerRow = Math.floor(k / 16384);
                break;
              }
            }
            let count = 0;
            for (const [k, c] of sh.cells) if (k % 16384 === ragCol && Math.floor(k / 16384) > headerRow && words.has(c.value)) count++;
            out[n] = count;
          }
          return out;
        }, sheetNames);
        equal(written, Object.fromEntries(sheetNames.map((n) => [n, check.sheets.find((s) => s.name === n).actions.length])), "RAG words written per sheet");
        const sideways = await noSidewaysScroll(page);
        assert(sideways.ok, `no sideways scroll at 450 px (${sideways.scrollWidth} > ${sideways.clientWidth})`);
      });

      await test("clicking an issue selects its cell in Excel", async () => {
        const link = page.getByTestId("section-issues").getByRole("button", { name: /^Go to [A-Z]+\d+ on / }).first();
        const label = await link.getAttribute("aria-label");
        const [, cell, sheet] = /^Go to ([A-Z]+\d+) on (.+)$/.exec(label);
        await link.click();
        await page.waitForFunction((want) => {
          const s = window.__fakeExcel.selection;
          return s && s.sheet === want.sheet && s.address === want.cell;
        }, { sheet, cell });
        equal(await fake(page, () => window.__fakeExcel.activeSheet), sheet, "active sheet");
      });

      await test("clicking an action selects its ref cell; the filter shows one status", async () => {
        await page.getByLabel("Show actions").selectOption("red");
        const items = page.getByTestId("action-item");
        equal(await items.count(), expected.total.red, "Red actions listed");
        const first = check.sheets.flatMap((s) => s.actions.map((a) => ({ ...a, sheet: s.name }))).find((a) => a.rag === "red");
        await items.first().click();
        await page.waitForFunction((want) => {
          const s = window.__fakeExcel.selection;
          return s && s.sheet === want.sheet && s.address === `A${want.row}`;
        }, { sheet: first.sheet, row: first.row });
        await page.getByLabel("Show actions").selectOption("all");
        equal(await items.count(), totalActions, "all actions listed again");
      });

      await test("screenshots at 450 px and 320 px, no sideways scroll at 320 px", async () => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(tmp, "taskpane.png") });
        await page.screenshot({ path: path.join(tmp, "taskpane-450-full.png"), fullPage: true });
        await page.setViewportSize({ width: 320, height: 900 });
        await page.waitForTimeout(100);
        const sideways = await noSidewaysScroll(page);
        assert(sideways.ok, `no sideways scroll at 320 px (${sideways.scrollWidth} > ${sideways.clientWidth})`);
        await page.screenshot({ path: path.join(tmp, "taskpane-320.png") });
        await page.screenshot({ path: path.join(tmp, "taskpane-320-full.png"), fullPage: true });
        await page.getByTestId("section-actions").screenshot({ path: path.join(tmp, "actions-320.png") });
        await page.getByTestId("section-issues").screenshot({ path: path.join(tmp, "issues-320.png") });
        await page.setViewportSize({ width: 450, height: 900 });
      });

      await test("settings are saved in the workbook and read back", async () => {
        await page.getByRole("button", { name: "Settings" }).click();
        const days = page.getByLabel(/Amber window/);
        await days.fill("45");
        await page.getByRole("switch", { name: /BRAG/ }).check();
        await page.getByRole("button", { name: "Save settings" }).click();
        await page.getByText(/^Settings saved in this workbook\./).waitFor();
        const stored = await fake(page, () => [...window.__fakeExcel.settings.entries()]);
        const json = stored.map(([, v]) => (typeof v === "string" ? v : JSON.stringify(v))).find((v) => v.includes("amberWindowDays"));
        assert(json, `a settings entry in the workbook: ${JSON.stringify(stored)}`);
        const saved = JSON.parse(json);
        equal([saved.amberWindowDays, saved.brag], [45, true], "saved settings");
        equal(await days.inputValue(), "45", "read back");
        await page.getByRole("button", { name: "How statuses are worked out" }).click();
        await page.getByText(/45 days away or less/).first().waitFor();
        await page.getByTestId("section-settings").screenshot({ path: path.join(tmp, "settings-450.png") });
        await page.getByTestId("section-rules").screenshot({ path: path.join(tmp, "rules-450.png") });
        // Put the defaults back for the report.
        await days.fill("30");
        await page.getByRole("switch", { name: /BRAG/ }).uncheck();
        await page.getByRole("button", { name: "Save settings" }).click();
        await page.getByText(/^Settings saved in this workbook\./).waitFor();
      });

      await test("Build board report adds the report sheets in Excel", async () => {
        await page.getByRole("button", { name: "Build board report" }).click();
        await page.getByTestId("live").filter({ hasText: "Board report built." }).waitFor({ timeout: 30000 });
        const names = await fake(page, () => window.__fakeExcel.sheetNames());
        assert(names.includes("Board Report"), `Board Report sheet added: ${names.join(", ")}`);
        assert(await page.getByRole("button", { name: "Build board report" }).isEnabled(), "buttons enabled again");
        await page.getByRole("button", { name: "Open Board Report" }).click();
        await page.waitForFunction(() => window.__fakeExcel.activeSheet === "Board Report", null, { timeout: 5000 });
      });

      await test("Excel refusing a change: an officer's message in the error bar, the buttons usable again", async () => {
        await fake(page, () => window.__fakeExcel.failSync(1, "AccessDenied"));
        await page.getByRole("button", { name: "Refresh RAG" }).click();
        const bar = page.getByTestId("error");
        await bar.waitFor();
        const text = await bar.innerText();
        assert(/Unprotect the sheet/.test(text) && /Nothing was written\./.test(text), `says what to do: ${text}`);
        assert(!/AccessDenied|RichApi|at \w+ \(/.test(text), `no codes or stack: ${text}`);
        assert(await page.getByRole("button", { name: "Refresh RAG" }).isEnabled(), "Refresh RAG enabled again");
        await page.getByTestId("error").screenshot({ path: path.join(tmp, "error-450.png") });
      });

      await test("no errors in the page", async () => {
        equal(errors, [], "page errors");
      });
    } finally {
      await context.close();
    }

    await test("dark theme follows the system where Office gives none", async () => {
      const dark = await openPane(browser, server.url, { width: 320, grids, colorScheme: "dark" });
      try {
        await dark.page.getByTestId("as-of-caption").filter({ hasText: "report date on" }).waitFor({ timeout: 15000 });
        equal(await dark.page.locator("[data-theme]").getAttribute("data-theme"), "dark", "theme");
        await dark.page.getByRole("button", { name: "Refresh RAG" }).click();
        await dark.page.getByTestId("results").waitFor();
        await dark.page.screenshot({ path: path.join(tmp, "taskpane-320-dark.png") });
      } finally {
        await dark.context.close();
      }
    });

    await test("Windows high contrast: the high-contrast theme, status words still on every badge", async () => {
      const hc = await openPane(browser, server.url, { width: 320, grids, colorScheme: "dark", forcedColors: "active" });
      try {
        await hc.page.getByTestId("as-of-caption").filter({ hasText: "report date on" }).waitFor({ timeout: 15000 });
        equal(await hc.page.locator("[data-theme]").getAttribute("data-theme"), "high-contrast", "theme");
        await hc.page.getByRole("button", { name: "Refresh RAG" }).click();
        await hc.page.getByTestId("results").waitFor();
        equal(await badges(hc.page.getByTestId("results").getByRole("list", { name: /^All plan sheets/ })), badgeTexts(expected.total), "badges");
        await hc.page.screenshot({ path: path.join(tmp, "taskpane-320-high-contrast.png") });
      } finally {
        await hc.context.close();
      }
    });

    // What the pane downloads, office.js aside.
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const listed = /__ACTION_PLAN_SCRIPTS__\s*=\s*(\[[^\]]*\])/.exec(html);
    const scripts = [
      ...[...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s)),
      ...(listed ? JSON.parse(listed[1]) : []),
    ];
    const zlib = require("node:zlib");
    bundle = scripts.reduce((n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, s))).length, 0);
    // The budget of what the pane loads first (its sections for column maps and partner returns load
    // when opened). 190 KB since the reader learnt the second edition's wordings (it was 180 KB).
    await test(`task pane JavaScript under 190 KB gzipped (${(bundle / 1024).toFixed(1)} KB in ${scripts.length} files)`, async () => {
      assert(bundle < 190 * 1024, `${bundle} bytes`);
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return bundle;
}

main()
  .then((bundle) => {
    const { passed, failed } = writeResult({ bundleGzipBytes: bundle });
    console.log(`\n${passed} passed, ${failed} failed. Screenshots in .tmp/e2e/`);
    process.exit(failed ? 1 : 0);
  })
  .catch((e) => {
    console.error(`e2e: ${e && e.message ? e.message : e}`);
    results.push({ name: "set-up", ok: false, error: e });
    writeResult();
    process.exit(1);
  });
