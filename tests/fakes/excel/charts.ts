/** Charts: add, name, title, legend, position, series colours, delete. */
import { formatArea, parseAddress, rowsCols } from "./addresses";
import type { FakeContext } from "./context";
import { FakeOfficeError, notLoaded } from "./errors";
import { FakeObject, loadPaths, type LoadArg } from "./object";
import type { FakeRange } from "./range";
import type { FakeChart } from "./state";
import type { FakeWorksheet } from "./worksheet";

export class FakeChartCollection extends FakeObject {
  protected readonly typeName = "ChartCollection";
  protected readonly scalars = ["items", "count"];
  private itemList: FakeChartProxy[] | null = null;
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "Charts");
  }
  protected compute(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const props = loadPaths(arg).map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    for (const p of props) if (p !== "name" && p !== "items") throw new FakeOfficeError("InvalidArgument", `Chart has no property "${p}" to load (the fake loads names).`);
    this.context.queue(2, "", this.id, null, () => {
      const charts = this.ws.sheet().charts;
      this.context.quiet++;
      const items = charts.map((c) => new FakeChartProxy(this.context, this, this.ws, () => c));
      this.context.quiet--;
      this.context.respond(charts.map((c) => ({ name: c.name })));
      this.context.staged.push(() => {
        items.forEach((item, i) => item.setLoadedName(charts[i].name));
        this.itemList = items;
      });
    });
    return this;
  }
  get items(): FakeChartProxy[] {
    if (!this.itemList) throw notLoaded(this.typeName, "items");
    return this.itemList;
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    const holder: { chart: FakeChart | null } = { chart: null };
    this.call("Add", [type, { ObjectPathId: source.id }, seriesBy], () => {
      const s = this.ws.writable();
      const a = source.area();
      const [rows, cols] = rowsCols(a);
      if (rows < 2 || cols < 2) throw new FakeOfficeError("EmptyChartSeries", "The chart's source has no data series.");
      const series = seriesBy === "Rows" ? rows - 1 : cols - 1;
      holder.chart = { name: `Chart ${s.charts.length + 1}`, type, source: formatArea(a), seriesBy, title: null, legendPosition: null, position: null, seriesColors: Array.from({ length: series }, () => null) };
      s.charts.push(holder.chart);
    });
    return new FakeChartProxy(this.context, this, this.ws, () => holder.chart);
  }
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, this, this.ws, () => this.ws.sheet().charts.find((c) => c.name === name) ?? null, name);
  }
}

export class FakeChartProxy extends FakeObject {
  protected readonly typeName = "Chart";
  protected readonly scalars = ["name"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly chartOf: () => FakeChart | null, name?: string) {
    super(context, parent, name ? "GetItem" : "Chart", name ? [name] : []);
  }
  protected compute(): unknown {
    return this.chart().name;
  }
  setLoadedName(name: string): void {
    this.loaded.set("name", name);
  }
  chart(): FakeChart {
    const c = this.chartOf();
    if (!c) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
    return c;
  }
  private change(name: string, v: unknown, fn: (c: FakeChart) => void): void {
    this.set(name, v, () => {
      this.ws.writable();
      fn(this.chart());
    });
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("Name", v, (c) => (c.name = v));
  }
  get title(): { text: string } {
    const self = this;
    return {
      set text(v: string) {
        self.change("Title", v, (c) => (c.title = v));
      },
      get text(): string {
        throw notLoaded("ChartTitle", "text");
      },
    };
  }
  get legend(): { position: string } {
    const self = this;
    return {
      set position(v: string) {
        self.change("LegendPosition", v, (c) => (c.legendPosition = v));
      },
      get position(): string {
        throw notLoaded("ChartLegend", "position");
      },
    };
  }
  get series(): { getItemAt(i: number): { format: { fill: { setSolidColor(color: string): void } } } } {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this.call("SetSolidColor", [i, color], () => {
                this.ws.writable();
                const c = this.chart();
                if (i < 0 || i >= c.seriesColors.length) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${i}.`);
                c.seriesColors[i] = color;
              }),
          },
        },
      }),
    };
  }
  setPosition(start: string, end?: string): void {
    this.call("SetPosition", [start, end ?? null], () => {
      parseAddress(start);
      if (end) parseAddress(end);
      this.ws.writable();
      this.chart().position = { start, end: end ?? start };
    });
  }
  delete(): void {
    this.call("Delete", [], () => {
      const s = this.ws.writable();
      const c = this.chart();
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
}
