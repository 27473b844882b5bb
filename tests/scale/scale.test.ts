/**
 * Syncs and request sizes as plans grow (10, 1,000 and 10,000 generated actions), through the
 * real entry points on the strict fake.
 *
 * On Excel on the desktop (no payload limit) every command takes the same syncs at any size:
 * refresh 3, report 3. On Excel on the web, which refuses a request or response over 5 MB, the
 * counts are the same up to the size where the plan's own data passes what one request or
 * response may carry (10,000 generated actions are about 9 MB to read), and beyond it every
 * request and response stays under the limit and the extra syncs follow the data's size.
 *
 * Not part of the unit run (it takes half a minute): `npm run test:scale` runs it with its own
 * jest configuration (tests/scale/jest.config.js), and `npm test` runs that as a step of its own.
 */
import { PAYLOAD_LIMIT_BYTES, FakeExcel } from "../fakes/fake-excel";
import { largePlanGrids } from "../helpers/large-plan";
import { serviceOn } from "../excel/helpers";

const SIZES = [10, 1_000, 10_000];

async function run(n: number, platform: "PC" | "OfficeOnline") {
  const fake = FakeExcel.fromGrids(largePlanGrids({ actions: n }), { today: "2010-01-15", platform });
  const service = serviceOn(fake);
  const counts: Record<string, number> = {};
  // What each command must say it did: every generated action counted, none lost on the way.
  const said: Record<string, RegExp> = {
    check: new RegExp(`^Checked \\d+ plan sheets?: ${n} actions `),
    refresh: new RegExp(`^RAG refreshed for ${n} actions `),
    "refresh again": new RegExp(`^RAG refreshed for ${n} actions `),
    report: new RegExp(`^RAG refreshed for ${n} actions .* Board report built on "Board Report" and "By Lead": ${n} actions`),
  };
  const step = async (name: string, command: () => Promise<{ ok: boolean; message: string }>) => {
    fake.resetStats();
    const out = await command();
    // The step's name and message go into the comparison, so a failure shows which command said what.
    expect({ name, ok: out.ok, message: out.message }).toEqual({ name, ok: true, message: expect.stringMatching(said[name]) });
    counts[name] = fake.stats.syncs;
    for (const r of fake.stats.requests) {
      expect(r.failed).toBeUndefined();
      if (platform !== "OfficeOnline") continue; // the desktop sets no payload limit
      expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(r.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
  };
  await step("check", () => service.check(null));
  await step("refresh", () => service.refresh(null));
  await step("refresh again", () => service.refresh(null));
  await step("report", () => service.buildReport(null));
  return { counts, fake };
}

describe("Excel on the desktop: the same syncs at every size", () => {
  const seen: Record<number, Record<string, number>> = {};
  test.each(SIZES)("%i actions", async (n) => {
    seen[n] = (await run(n, "PC")).counts;
    expect(seen[n]).toEqual({ check: 2, refresh: 3, "refresh again": 3, report: 3 });
  }, 180_000);
});

describe("Excel on the web: no request or response over 5 MB, and the same syncs while the plan fits", () => {
  test.each([10, 1_000])("%i actions: check 2, refresh 3, report 3", async (n) => {
    const { counts } = await run(n, "OfficeOnline");
    expect(counts).toEqual({ check: 2, refresh: 3, "refresh again": 3, report: 3 });
  }, 120_000);

  test("10,000 actions: every request and response under 5 MB, a few more syncs", async () => {
    const { counts, fake } = await run(10_000, "OfficeOnline");
    // About 9 MB to read (3 responses beyond the first rows) and, on the first refresh, about
    // 8 MB to write (a format copy for each new RAG cell): the counts follow the data, not the layout.
    expect(counts.check).toBeLessThanOrEqual(4);
    expect(counts.refresh).toBeLessThanOrEqual(7);
    expect(counts["refresh again"]).toBeLessThanOrEqual(6);
    expect(counts.report).toBeLessThanOrEqual(9);
    expect(fake.largestRequest()).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  }, 240_000);
});
