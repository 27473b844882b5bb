/**
 * @jest-environment jsdom
 */
/**
 * The task pane's boot script (src/boot/boot.js): ES5 that any web view parses, which loads the
 * main bundle only where it can run, and otherwise says why in plain words.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "acorn";
import { REQUIRED_API, tooOldMessage } from "../../src/excel/requirements";

const BOOT = path.join(__dirname, "..", "..", "src", "boot", "boot.js");
const source = fs.readFileSync(BOOT, "utf8");

type Win = Window & { Office?: unknown; __ACTION_PLAN_SCRIPTS__?: string[] };
const win = window as unknown as Win;

/** Runs the boot script in this page, with `Function` as given (to play an old web view). */
function boot(options: { office?: unknown; oldSyntax?: boolean } = {}): void {
  document.head.innerHTML = "";
  document.body.innerHTML = '<div id="root"></div>';
  win.__ACTION_PLAN_SCRIPTS__ = ["629.js", "852.js", "taskpane.js"];
  if (options.office === undefined) delete win.Office;
  else win.Office = options.office;
  const RealFunction = Function;
  const OldFunction = function (...args: string[]) {
    if (args.some((a) => a.includes("?.") || a.includes("??") || a.includes("=>"))) throw new SyntaxError("Expected identifier");
    return RealFunction(...args);
  };
  // The script runs with this Function in scope, as an old web view's would refuse the new syntax.
  new RealFunction("Function", source)(options.oldSyntax ? OldFunction : RealFunction);
}

const loaded = () => [...document.head.querySelectorAll("script")].map((s) => s.getAttribute("src"));
const message = () => document.querySelector("[data-testid=boot-message]");

function office(host: string | null, highest: number) {
  return {
    context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= highest } },
    onReady: (cb: (info: { host: string | null }) => void) => {
      cb({ host });
      return Promise.resolve({ host });
    },
  };
}

test("the boot script parses as ES5 (no ?., ??, arrows, let, const or classes), so any web view runs it", () => {
  expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  // And the check itself is real: the same parser refuses the main bundle's syntax.
  expect(() => parse("var a = b?.c ?? d;", { ecmaVersion: 5 })).toThrow();
});

test("a web view that cannot parse ?. : the officer is told to update, and the bundle is not loaded", () => {
  boot({ office: office("Excel", 20), oldSyntax: true });
  expect(message()?.getAttribute("data-kind")).toBe("old-browser");
  expect(message()?.textContent).toContain("This Excel needs updating");
  expect(message()?.textContent).toContain("Update Office (File > Account > Update Options > Update Now)");
  expect(loaded()).toEqual([]);
});

test("office.js did not load (a blocked network): says so, not 'open in Excel'", () => {
  boot({});
  expect(message()?.getAttribute("data-kind")).toBe("no-office");
  expect(message()?.textContent).toContain("could not load office.js");
  expect(message()?.textContent).not.toContain("Open this pane in Excel");
  expect(loaded()).toEqual([]);
});

test(`an Excel without ExcelApi ${REQUIRED_API}: update Office, in the words the commands use`, () => {
  boot({ office: office("Excel", 12) });
  expect(message()?.getAttribute("data-kind")).toBe("too-old");
  expect(message()?.textContent).toContain(`version ${REQUIRED_API} or later`);
  // The same advice as the commands give (src/excel/requirements.ts).
  expect(tooOldMessage("1.12")).toContain("Update Office (File > Account > Update Options > Update Now), or open the workbook in Excel on the web");
  expect(message()?.textContent).toContain("Update Office (File > Account > Update Options > Update Now), or open the workbook in Excel on the web");
  expect(loaded()).toEqual([]);
});

test("in Excel with the API, or in a browser outside Excel: the bundle's files are loaded, in order", () => {
  boot({ office: office("Excel", 20) });
  expect(message()).toBeNull();
  expect(loaded()).toEqual(["629.js", "852.js", "taskpane.js"]);
  expect([...document.head.querySelectorAll("script")].every((s) => s.async === false)).toBe(true);
  boot({ office: office(null, 0) });
  expect(loaded()).toEqual(["629.js", "852.js", "taskpane.js"]);
});
