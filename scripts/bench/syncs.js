#!/usr/bin/env node
// Round trips to Excel: the context.sync() calls each command makes through the real Office.js
// code (src/excel/office-service.ts, OfficePlanService, as the task pane and the ribbon run it)
// on the strict fake Excel (tests/fakes/fake-excel.ts, the entry of tests/fakes/excel/), at 10, 1,000 and 10,000 actions, each
// command on a fresh workbook holding the generated plan (tests/helpers/large-plan.ts).
//
// The fake counts every sync and sizes its request the way it is sent: the queued object paths
// and actions serialised as JSON in the shape Office.js uses, UTF-8 bytes counted (and the
// response likewise, from what the loads return). It refuses a request or a response over 5 MB,
// as Excel on the web does; a refused request still counts as a round trip.
//
// Twice: as Excel on the web (the fake's default, "OfficeOnline", 5 MB limits; here every sync is
// a network round trip) and as Excel on the desktop ("PC", no payload limit).
//
// Prints one JSON object on stdout: { syncs, requests, syncsDesktop, notes } (syncs and requests
// on the web).
"use strict";
const path = require("node:path");

const out = process.argv[2] && path.resolve(process.argv[2]);
if (!out) throw new Error("usage: syncs.js COMPILED_DIR");
const { FakeExcel } = require(path.join(out, "tests/fakes/fake-excel.js"));
const { OfficePlanService } = require(path.join(out, "src/excel/office-service.js"));
const { largePlanGrids } = require(path.join(out, "tests/helpers/large-plan.js"));

const SIZES = [10, 1000, 10000];
const LIMIT = 5 * 1024 * 1024;
const COMMANDS = {
  check: (s) => s.check(null),
  refresh: (s) => s.refresh(null),
  report: (s) => s.buildReport(null),
  // The next refresh of the same workbook (the RAG column and the history are there already).
  refreshAgain: async (s, fake) => {
    const first = await s.refresh(null);
    fake.resetStats();
    return first.ok ? s.refresh(null) : first;
  },
};

/** Every command at every size on one platform of the fake: "OfficeOnline" (Excel on the web, 5 MB limits) or "PC". */
async function measure(platform, notes) {
  const syncs = {};
  const requests = {};
  for (const name of Object.keys(COMMANDS)) {
    syncs[name] = {};
    requests[name] = {};
  }
  for (const n of SIZES) {
    const grids = largePlanGrids({ actions: n });
    for (const [name, command] of Object.entries(COMMANDS)) {
      const fake = FakeExcel.fromGrids(grids, { today: "2010-01-15", platform });
      const service = new OfficePlanService(fake.host());
      const started = Date.now();
      const outcome = await command(service, fake);
      const ms = Date.now() - started;
      const records = fake.stats.requests;
      syncs[name][String(n)] = fake.stats.syncs;
      requests[name][String(n)] = {
        count: records.length,
        largestBytes: Math.max(0, ...records.map((r) => r.bytes)),
        largestResponseBytes: Math.max(0, ...records.map((r) => r.responseBytes)),
        refused: records.filter((r) => r.failed).map((r) => r.failed),
        overLimit: records.filter((r) => r.bytes > LIMIT || r.responseBytes > LIMIT).length,
        bytes: records.map((r) => r.bytes),
        responseBytes: records.map((r) => r.responseBytes),
        serviceEstimate: service.lastWrite ? service.lastWrite.requests : null,
        ok: outcome.ok,
        fakeMs: ms,
      };
      if (!outcome.ok) notes.push(`${name} at ${n} actions (${platform}) did not complete: ${outcome.message}`);
    }
  }
  return { syncs, requests };
}

async function main() {
  const notes = [];
  const web = await measure("OfficeOnline", notes);
  const desktop = await measure("PC", notes);
  process.stdout.write(JSON.stringify({ syncs: web.syncs, requests: web.requests, syncsDesktop: desktop.syncs, notes }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`syncs: ${e.stack || e.message}\n`);
  process.exit(1);
});
