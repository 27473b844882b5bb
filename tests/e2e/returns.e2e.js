#!/usr/bin/env node
/*
 * End to end in headless Chromium: partner returns in the task pane, on the production build in
 * dist/, over the strict fake Excel holding the sample plan (as tests/e2e/pane.e2e.js sets it up).
 * The officer refreshes, makes the returns, downloads one lead's return; the lead fills it in (here
 * with ExcelJS, another library than the pane's); the officer picks it, sees the preview, merges,
 * picks it again (nothing new) and picks a file that is no return (refused, naming it).
 *
 *   node tests/e2e/returns.e2e.js   (run by tests/e2e/run.js; screenshots in .tmp/e2e/ only:
 *                                    npm run docs:pictures copies returns-section-450.png to docs/returns.png)
 *
 * Writes .tmp/e2e-returns-result.json ({ passed, failed }).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");

const { paths, CHROMIUM, OFFICE_JS, TODAY, runner, assert } = require("./runner");

const { tmp, dist, sample: SAMPLE } = paths;
const { test, writeResult } = runner("e2e-returns-result.json");

async function main() {
  fs.mkdirSync(tmp, { recursive: true });
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` (or `npm run test:e2e`).");
  if (!fs.existsSync(path.join(tmp, "sample.js")) || !fs.existsSync(path.join(tmp, "harness.js"))) throw new Error("the e2e harness is missing: run `npm run test:e2e` (it builds it).");
  const { loadSample } = require(path.join(tmp, "sample.js"));
  const { grids } = await loadSample(SAMPLE, TODAY);
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--lang=en-GB"],
    // A UK officer's machine: the date box reads day/month/year (needs chromium-l10n's en-GB locale).
    env: { ...process.env, LANG: "en_GB.UTF-8", LANGUAGE: "en_GB:en" },
  });
  const context = await browser.newContext({ viewport: { width: 450, height: 1100 }, locale: "en-GB", timezoneId: "Europe/London", acceptDownloads: true });
  const errors = [];
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(path.join(tmp, "harness.js"), "utf8") });
      return route.abort();
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(({ g, o }) => {
      window.__PLAN_GRIDS__ = g;
      window.__FAKE_OPTIONS__ = o;
    }, { g: grids, o: { today: TODAY } });
    await page.goto(server.url + "taskpane.html");
    await page.getByTestId("as-of-caption").filter({ hasText: "report date on" }).waitFor({ timeout: 15000 });
    console.log(`Partner returns end to end (Chromium ${browser.version()}, dist/ on ${server.url})`);

    const section = page.getByTestId("section-returns");
    let returnFile = null;
    await test("make returns: one per lead, each to download", async () => {
      await page.getByRole("button", { name: "Refresh RAG" }).click();
      await page.getByTestId("results").waitFor({ timeout: 15000 });
      await section.getByRole("button", { name: "Partner returns" }).click();
      await section.getByTestId("make-returns").click();
      const message = section.getByTestId("returns-made-message");
      await message.waitFor({ timeout: 30000 });
      const text = await message.innerText();
      assert(/^12 returns made, one per lead, for 21 actions; to come back by \d{1,2} [A-Z][a-z]{2} \d{4}\./.test(text.trim()), `message: ${text}`);
      const items = section.getByTestId("returns-list").locator("li");
      assert((await items.count()) === 12, `returns listed: ${await items.count()}`);
      const link = section.getByTestId("download-return").filter({ hasText: "Return - DA Strategy Co-ordinator.xlsx" });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      assert(download.suggestedFilename() === "Return - DA Strategy Co-ordinator.xlsx", `file name ${download.suggestedFilename()}`);
      returnFile = path.join(tmp, "return-da.xlsx");
      await download.saveAs(returnFile);
    });

    const filled = path.join(tmp, "return-da-filled.xlsx");
    await test("the downloaded return opens in another library and is filled in there", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(returnFile);
      const ws = wb.getWorksheet("Return");
      assert(ws.getCell("B2").value === "For", "face: For");
      assert(ws.getCell("C10").value === "4.1.1", `row of 4.1.1: ${ws.getCell("C10").value}`);
      ws.getCell("I10").value = "Complete";
      ws.getCell("J10").value = "Toolkit sent to all schools.";
      await wb.xlsx.writeFile(filled);
    });

    await test("pick the returned file: the preview says what changes and who has not returned, writing nothing", async () => {
      await section.getByTestId("returns-files").setInputFiles(filled);
      const change = section.getByTestId("merge-change");
      await change.first().waitFor({ timeout: 30000 });
      assert((await change.count()) === 1, `changes: ${await change.count()}`);
      const text = (await change.innerText()).replace(/\s+/g, " ");
      assert(text.includes("4.1.1 (Prevention): Amber to Green") && text.includes('Progress: blank to "Complete"') && text.includes('New comment: "Toolkit sent to all schools."'), `change: ${text}`);
      const waiting = await section.getByTestId("not-returned").innerText();
      assert(/Not returned yet \(11\)/.test(waiting), `not returned: ${waiting}`);
      const h55 = await page.evaluate(() => window.__fakeExcel.value("Prevention", "H55"));
      assert(h55 === "", `nothing written before the merge: H55 = ${JSON.stringify(h55)}`);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(tmp, "returns-450.png"), fullPage: true });
      await section.screenshot({ path: path.join(tmp, "returns-section-450.png") });
    });

    await test("merge into the plan: the action's progress, the comment row under it, the status recomputed", async () => {
      const runsBefore = await page.evaluate(() => window.__fakeExcel.stats.runs.length);
      await section.getByTestId("apply-merge").click();
      const message = section.getByTestId("merge-message");
      await message.filter({ hasText: "Merged into the plan." }).waitFor({ timeout: 30000 });
      const cells = await page.evaluate(() => ["H55", "I55", "A58", "C60"].map((a) => window.__fakeExcel.value("Prevention", a)));
      assert(cells[0] === "Complete" && cells[1] === "Green", `progress and status: ${cells}`);
      // dated with the officer's today (the clock of the machine the pane runs on)
      assert(/^\d{1,2} [A-Z][a-z]{2} \d{4}, from DA Strategy Co-ordinator: Toolkit sent to all schools\.$/.test(String(cells[2])), `comment row: ${cells[2]}`);
      assert(cells[3] === "???", `rows below moved down: ${cells[3]}`);
      const runs = await page.evaluate((n) => window.__fakeExcel.stats.runs.slice(n), runsBefore);
      assert(runs.filter((r) => r.mergeUndoGroup === true).length === 1, `one write, one undo step: ${JSON.stringify(runs)}`);
    });

    await test("the same return again: nothing new, nothing to merge", async () => {
      const before = await page.evaluate(() => JSON.stringify(window.__fakeExcel.snapshot()));
      await section.getByTestId("returns-files").setInputFiles([]);
      await section.getByTestId("returns-files").setInputFiles(filled);
      const message = section.getByTestId("merge-message");
      await message.filter({ hasText: "nothing new to merge" }).waitFor({ timeout: 30000 });
      assert(await section.getByTestId("apply-merge").isDisabled(), "Merge disabled");
      const after = await page.evaluate(() => JSON.stringify(window.__fakeExcel.snapshot()));
      assert(before === after, "the workbook is unchanged");
    });

    await test("a file that is no return: refused, naming the file", async () => {
      await section.getByTestId("returns-files").setInputFiles({ name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("hello") });
      const message = section.getByTestId("merge-message");
      await message.filter({ hasText: "notes.xlsx" }).waitFor({ timeout: 30000 });
      const text = await message.innerText();
      assert(text.includes("Nothing was written. notes.xlsx cannot be read: it is not an .xlsx workbook"), `message: ${text}`);
      assert((await section.getByTestId("apply-merge").count()) === 0, "no Merge button");
    });

    await test("no page errors", async () => {
      assert(errors.length === 0, errors.join("\n"));
    });
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
}

main()
  .then(() => {
    const { passed, failed } = writeResult();
    console.log(`\n${passed} passed, ${failed} failed. Screenshots: .tmp/e2e/returns-450.png, .tmp/e2e/returns-section-450.png`);
    process.exit(failed ? 1 : 0);
  })
  .catch((e) => {
    console.error(`e2e (returns): ${e && e.message ? e.message : e}`);
    results.push({ name: "set-up", ok: false });
    writeResult();
    process.exit(1);
  });
