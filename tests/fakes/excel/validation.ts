/** Data validation, per cell: list rules, error alerts, prompts. */
import type { Area } from "../../../src/core/grid";
import { rowsCols } from "./addresses";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeObject } from "./object";
import { FakeSheet, type FakeValidation } from "./state";
import type { FakeWorksheet } from "./worksheet";

export class FakeDataValidation extends FakeObject {
  protected readonly typeName = "DataValidation";
  protected readonly scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type", "valid"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "DataValidation");
  }
  private each(fn: (key: number) => void): void {
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 2_000_000) throw new FakeOfficeError("InvalidOperation", "The fake does not validate ranges of more than 2 million cells.");
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(FakeSheet.key(r, c));
    }
  }
  protected compute(prop: string): unknown {
    const s = this.ws.sheet();
    const states = new Set<string>();
    let first: FakeValidation | undefined;
    this.each((k) => {
      const v = s.validations.get(k);
      first ??= v;
      states.add(JSON.stringify(v ?? null));
    });
    if (states.size !== 1) return null;
    if (prop === "type") return first ? "List" : "None";
    if (prop === "valid") return true;
    return first ? (first as unknown as Record<string, unknown>)[prop] : null;
  }
  clear(): void {
    this.call("Clear", [], () => {
      const s = this.ws.writable();
      this.each((k) => s.validations.delete(k));
    });
  }
  private update(name: keyof FakeValidation, v: unknown): void {
    this.set(name, v, () => {
      const s = this.ws.writable();
      if (name === "rule") {
        const rule = v as { list?: { source?: unknown } };
        if (!rule || typeof rule !== "object" || !rule.list || typeof rule.list.source !== "string") {
          throw new FakeOfficeError("InvalidArgument", "The fake models list validations with a text source only.");
        }
      }
      this.each((k) => {
        const cur = s.validations.get(k) ?? { rule: null, errorAlert: null, prompt: null, ignoreBlanks: null };
        s.validations.set(k, { ...cur, [name]: JSON.parse(JSON.stringify(v)) });
      });
    });
  }
  set rule(v: unknown) {
    this.update("rule", v);
  }
  set errorAlert(v: unknown) {
    this.update("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.update("prompt", v);
  }
  set ignoreBlanks(v: boolean) {
    this.update("ignoreBlanks", v);
  }
  get rule(): unknown {
    return this.get("rule");
  }
}
