/** Range formats (font, fill, borders, wrap, alignment, widths, autofit) and conditional formats. */
import { areasIntersect, type Area } from "../../../src/core/grid";
import { formatArea, rowsCols, subtract } from "./addresses";
import type { FakeContext } from "./context";
import { FakeOfficeError, notLoaded } from "./errors";
import { FakeClientResult, FakeNode, FakeObject } from "./object";
import type { FakeConditionalFormat } from "./state";
import type { FakeWorksheet } from "./worksheet";

export class FakeFormatPart extends FakeObject {
  protected readonly typeName: string;
  protected readonly scalars: string[];
  constructor(
    context: FakeContext,
    parent: FakeObject,
    name: string,
    private readonly prefix: string,
    props: string[],
    private readonly owner: FakeRangeFormat,
  ) {
    super(context, parent, name);
    this.typeName = name;
    this.scalars = props;
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (v: string | number | boolean) => this.set(p, v, () => this.owner.apply(`${this.prefix}${p}`, v)),
      });
    }
  }
  protected compute(prop: string): unknown {
    return this.owner.read(`${this.prefix}${prop}`);
  }
}

export const FONT_PROPS = ["name", "size", "bold", "italic", "color", "underline", "strikethrough"];

export class FakeBorders extends FakeObject {
  protected readonly typeName = "RangeBorderCollection";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject, private readonly owner: FakeRangeFormat) {
    super(context, parent, "Borders");
  }
  protected compute(): unknown {
    return null;
  }
  getItem(edge: string): FakeFormatPart {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];
    if (!edges.includes(edge)) throw new FakeOfficeError("InvalidArgument", `"${edge}" is not a border.`);
    return this.child(edge, () => new FakeFormatPart(this.context, this, "RangeBorder", `borders/${edge}/`, ["style", "color", "weight"], this.owner));
  }
}

export class FakeRangeFormat extends FakeObject {
  protected readonly typeName = "RangeFormat";
  protected readonly scalars = ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "Format");
  }
  get font(): FakeFormatPart & Record<string, unknown> {
    return this.child("font", () => new FakeFormatPart(this.context, this, "RangeFont", "font/", FONT_PROPS, this)) as FakeFormatPart & Record<string, unknown>;
  }
  get fill(): FakeFormatPart & Record<string, unknown> {
    return this.child("fill", () => new FakeFormatPart(this.context, this, "RangeFill", "fill/", ["color"], this)) as FakeFormatPart & Record<string, unknown>;
  }
  get borders(): FakeBorders {
    return this.child("borders", () => new FakeBorders(this.context, this, this));
  }
  protected compute(prop: string): unknown {
    if (prop === "rowHeight") {
      const a = this.areasOf()[0];
      return a ? (this.ws.sheet().rowHeights.get(a.top) ?? 15) : null;
    }
    if (prop === "columnWidth") {
      const a = this.areasOf()[0];
      return a ? (this.ws.sheet().columnWidths.get(a.left) ?? 48) : null;
    }
    return this.read(prop);
  }
  /** The value of a format path over the range: the value, or null when cells differ. */
  read(path: string): unknown {
    const s = this.ws.sheet();
    const states = new Set<unknown>();
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 1_000_000) return null;
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) states.add(s.cell(r, c)?.format[path] ?? null);
    }
    return states.size === 1 ? [...states][0] : null;
  }
  /** Sets a format path on every cell of the range (the look of the cells, as Excel does). */
  apply(path: string, v: string | number | boolean): void {
    const s = this.ws.writable();
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 2_000_000) throw new FakeOfficeError("InvalidOperation", "The fake does not format ranges of more than 2 million cells.");
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) s.ensure(r, c).format[path] = v;
    }
  }
  set wrapText(v: boolean) {
    this.set("WrapText", v, () => this.apply("wrapText", v));
  }
  set horizontalAlignment(v: string) {
    this.set("HorizontalAlignment", v, () => this.apply("horizontalAlignment", v));
  }
  set verticalAlignment(v: string) {
    this.set("VerticalAlignment", v, () => this.apply("verticalAlignment", v));
  }
  set columnWidth(v: number) {
    this.set("ColumnWidth", v, () => {
      const s = this.ws.writable();
      for (const a of this.areasOf()) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
    });
  }
  /** Sets the height of every row of the range, in points (Excel keeps row heights per row). */
  set rowHeight(v: number) {
    this.set("RowHeight", v, () => {
      if (typeof v !== "number" || !(v >= 0 && v <= 409)) throw new FakeOfficeError("InvalidArgument", `A row height is 0 to 409 points, not ${String(v)}.`);
      const s = this.ws.writable();
      for (const a of this.areasOf()) for (let r = a.top; r <= Math.min(a.bottom, a.top + 100_000); r++) s.rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  autofitRows(): void {
    this.call("AutofitRows", [], () => {
      const s = this.ws.writable();
      for (const a of this.areasOf()) s.autofitRows.push(formatArea(a));
    });
  }
  autofitColumns(): void {
    this.call("AutofitColumns", [], () => void this.ws.writable());
  }
}

// ---- Conditional formats ----------------------------------------------------------------------

export class FakeConditionalFormatCollection extends FakeObject {
  protected readonly typeName = "ConditionalFormatCollection";
  protected readonly scalars = ["items"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "ConditionalFormats");
  }
  protected compute(): unknown {
    return null;
  }
  override load(): this {
    throw new FakeOfficeError("InvalidArgument", "The fake does not load conditional format items; read them from FakeExcel.conditionalFormats().");
  }
  add(type: string): FakeConditionalFormatProxy {
    const holder: { cf: FakeConditionalFormat | null } = { cf: null };
    this.call("Add", [type], () => {
      if (type !== "Custom") throw new FakeOfficeError("InvalidArgument", `The fake models custom conditional formats only, not "${type}".`);
      const s = this.ws.writable();
      holder.cf = { areas: this.areasOf().map((a) => ({ ...a })), type, formula: null, fill: null, fontColor: null };
      s.conditionalFormats.push(holder.cf);
    });
    return new FakeConditionalFormatProxy(this.context, this, this.ws, holder);
  }
  clearAll(): void {
    this.call("ClearAll", [], () => {
      const s = this.ws.writable();
      const areas = this.areasOf();
      s.conditionalFormats = s.conditionalFormats
        .map((cf) => ({ ...cf, areas: areas.reduce((acc, b) => acc.flatMap((a) => subtract(a, b)), cf.areas) }))
        .filter((cf) => cf.areas.length > 0);
    });
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => {
      const areas = this.areasOf();
      return this.ws.sheet().conditionalFormats.filter((cf) => cf.areas.some((a) => areas.some((b) => areasIntersect(a, b)))).length;
    });
  }
}

export class FakeConditionalFormatProxy extends FakeObject {
  protected readonly typeName = "ConditionalFormat";
  protected readonly scalars = ["type", "priority", "stopIfTrue"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly holder: { cf: FakeConditionalFormat | null }) {
    super(context, parent, "ConditionalFormat");
  }
  protected compute(prop: string): unknown {
    return prop === "type" ? this.holder.cf?.type : null;
  }
  private cf(): FakeConditionalFormat {
    if (!this.holder.cf) throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
    this.ws.writable();
    return this.holder.cf;
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const custom = this.child("custom", () => new FakeNode(this.context, this, "Custom"));
    const rule = custom.node("rule");
    const fill = custom.node("format").node("fill");
    const font = custom.node("format").node("font");
    const cf = () => this.cf();
    return {
      rule: {
        set formula(v: string) {
          rule.setOn("Formula", v, () => {
            if (typeof v !== "string" || !v.startsWith("=")) throw new FakeOfficeError("InvalidArgument", "A conditional format formula starts with =.");
            cf().formula = v;
          });
        },
        get formula(): string {
          throw notLoaded("ConditionalFormatRule", "formula");
        },
      },
      format: {
        fill: {
          set color(v: string) {
            fill.setOn("Color", v, () => (cf().fill = v));
          },
          get color(): string {
            throw notLoaded("ConditionalRangeFill", "color");
          },
        },
        font: {
          set color(v: string) {
            font.setOn("Color", v, () => (cf().fontColor = v));
          },
          get color(): string {
            throw notLoaded("ConditionalRangeFont", "color");
          },
        },
      },
    };
  }
}
