/*
 * Action Plan RAG: the task pane's boot script. Written in ES5 on purpose, so that any web view an
 * Excel may use parses it (Internet Explorer 11 and the first Edge, EdgeHTML, included): the
 * main bundle uses newer JavaScript (?. and ??), which such a web view cannot even parse, so on
 * its own it would leave a blank pane. This script runs first and loads the main bundle only
 * where it can run:
 *
 *   - a web view that cannot parse ?. or ?? : "this Excel needs updating", bundle not loaded;
 *   - office.js did not load (a blocked network or proxy): says so, bundle not loaded;
 *   - in an Excel without the add-in API 1.13: "update Office", bundle not loaded;
 *   - otherwise (in Excel, or a browser outside Excel): the main bundle is loaded, in order.
 *
 * The bundle's files are listed by the page (window.__ACTION_PLAN_SCRIPTS__, written by the
 * build). Nothing here may use syntax newer than ES5: tests parse it as ES5 (tests/boot).
 */
/* global window, document, setTimeout, clearTimeout */
(function () {
  "use strict";

  /** The add-in API the commands need (src/excel/requirements.ts, REQUIRED_API). */
  var REQUIRED_API = "1.13";
  /** How long to wait for Office.onReady before loading the pane anyway (it then says what it sees). */
  var OFFICE_WAIT_MS = 8000;
  var UPDATE = "Update Office (File > Account > Update Options > Update Now), or open the workbook in Excel on the web, then open the pane again.";

  var MESSAGES = {
    "old-browser": {
      title: "This Excel needs updating for Action Plan RAG",
      text:
        "Your Excel shows add-ins with an older browser component (Internet Explorer or the first Microsoft Edge), which cannot run Action Plan RAG. " +
        UPDATE
    },
    "no-office": {
      title: "Office's own script could not be loaded",
      text:
        "Action Plan RAG could not load office.js from appsforoffice.microsoft.com, which every Office add-in needs. " +
        "The network, a proxy or a firewall may be blocking it: check the connection (or ask IT to allow appsforoffice.microsoft.com), then open the pane again."
    },
    "too-old": {
      title: "Your version of Excel is too old for Action Plan RAG",
      text: "The add-in needs version " + REQUIRED_API + " or later of Excel's add-in API. " + UPDATE
    }
  };

  /** True when this web view parses what the main bundle is written in (optional chaining, ??, arrows). */
  function modernSyntax() {
    try {
      return new Function("var o = null; return (o?.a ?? 2) === 2 && (() => true)();")() === true;
      // ES5 has no catch without a binding; the error itself says nothing more than "cannot parse".
      // eslint-disable-next-line no-unused-vars
    } catch (notParsed) {
      return false;
    }
  }

  /** Replaces the pane's content with a message (text nodes only). */
  function show(kind) {
    var m = MESSAGES[kind];
    var root = document.getElementById("root") || document.body;
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "boot-message");
    box.setAttribute("data-kind", kind);
    box.style.cssText = "margin:0;padding:14px 16px;border-left:6px solid #c50f1f;font-family:'Segoe UI',Tahoma,sans-serif;font-size:14px;line-height:1.45;color:#1f1f1f;background:#ffffff";
    var h = document.createElement("h1");
    h.style.cssText = "font-size:16px;margin:0 0 8px 0";
    h.appendChild(document.createTextNode(m.title));
    var p = document.createElement("p");
    p.style.cssText = "margin:0";
    p.appendChild(document.createTextNode(m.text));
    box.appendChild(h);
    box.appendChild(p);
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(box);
  }

  /** Loads the main bundle's files, in order. */
  function loadApp() {
    var list = window.__ACTION_PLAN_SCRIPTS__ || [];
    for (var i = 0; i < list.length; i++) {
      var s = document.createElement("script");
      s.src = list[i];
      s.async = false;
      document.head.appendChild(s);
    }
  }

  function start() {
    if (!modernSyntax()) return show("old-browser");
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") return show("no-office");
    var decided = false;
    var timer = setTimeout(function () {
      if (decided) return;
      decided = true;
      loadApp();
    }, OFFICE_WAIT_MS);
    Office.onReady(function (info) {
      if (decided) return;
      decided = true;
      clearTimeout(timer);
      var requirements = Office.context && Office.context.requirements;
      var inExcel = !!info && String(info.host) === "Excel";
      if (inExcel && requirements && typeof requirements.isSetSupported === "function" && !requirements.isSetSupported("ExcelApi", REQUIRED_API)) {
        return show("too-old");
      }
      loadApp();
    });
  }

  window.__actionPlanBoot = { messages: MESSAGES, modernSyntax: modernSyntax, start: start };
  // This script runs in the page's head: the pane's element exists once the document is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
