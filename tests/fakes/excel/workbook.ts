/** The workbook object, its protection, its worksheet collection and its settings. */
import type { FakeContext } from "./context";
import { FakeOfficeError, notLoaded } from "./errors";
import { FakeClientResult, FakeNullable, FakeObject, loadPaths, type LoadArg } from "./object";
import { FakeSheet } from "./state";
import { FakeWorksheet } from "./worksheet";

export class FakeWorkbookProxy extends FakeObject {
  protected readonly typeName = "Workbook";
  protected readonly scalars = ["name"];
  constructor(context: FakeContext) {
    super(context, null, "Workbook");
  }
  protected compute(prop: string): unknown {
    return prop === "name" ? "Book1.xlsx" : undefined;
  }
  get worksheets(): FakeWorksheetCollection {
    return this.child("worksheets", () => new FakeWorksheetCollection(this.context, this));
  }
  get settings(): FakeSettingCollection {
    return this.child("settings", () => new FakeSettingCollection(this.context, this));
  }
  get protection(): FakeWorkbookProtection {
    return this.child("protection", () => new FakeWorkbookProtection(this.context, this));
  }
  protected override navigation(name: string): FakeObject | null {
    if (name === "worksheets") return this.worksheets;
    if (name === "protection") return this.protection;
    return null;
  }
}

export class FakeWorkbookProtection extends FakeObject {
  protected readonly typeName = "WorkbookProtection";
  protected readonly scalars = ["protected"];
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Protection");
  }
  protected compute(): unknown {
    return this.context.excel.structureProtected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class FakeWorksheetCollection extends FakeObject {
  protected readonly typeName = "WorksheetCollection";
  protected readonly scalars = ["items"];
  private itemList: FakeWorksheet[] | null = null;
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Worksheets");
  }
  protected compute(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    const itemPaths = paths.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice("items/".length)).filter((p) => p !== "");
    const other = paths.filter((p) => !(p === "items" || p.startsWith("items/")));
    if (other.length > 0) throw new FakeOfficeError("InvalidArgument", `WorksheetCollection has no property "${other[0]}" to load.`);
    const props = itemPaths.length > 0 ? itemPaths : ["name"];
    // Validate the item paths against a worksheet now, as Office.js would at the query.
    const probeNames = new Set(["name", "visibility", "position", "id", "protection/protected", "tabColor"]);
    for (const p of props) if (!probeNames.has(p)) throw new FakeOfficeError("InvalidArgument", `Worksheet has no property "${p}" to load.`);
    this.context.queue(2, "", this.id, null, () => {
      const sheets = this.context.excel.sheets;
      this.context.quiet++;
      const items = sheets.map((s) => new FakeWorksheet(this.context, this, s.name, false, true));
      const rows = items.map((item, i) => item.stageNow(props, sheets[i]));
      this.context.quiet--;
      this.context.respond(rows);
      this.context.staged.push(() => (this.itemList = items));
    }, { Select: props.map((p) => `items/${p}`) });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded(this.typeName, "items");
    return this.itemList;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, name, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, name, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this, null, false);
  }
  add(name?: string): FakeWorksheet {
    const excel = this.context.excel;
    const wanted = name ?? `Sheet${excel.sheets.length + 1}`;
    this.call("Add", [wanted], () => {
      if (excel.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: a sheet cannot be added.");
      if (excel.sheetByName(wanted)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${wanted}" already exists.`);
      excel.sheets.push(new FakeSheet(wanted));
    });
    return new FakeWorksheet(this.context, this, wanted, false);
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.context.excel.sheets.length);
  }
}
// ---- Settings -------------------------------------------------------------------------------

export class FakeSettingCollection extends FakeObject {
  protected readonly typeName = "SettingCollection";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Settings");
  }
  protected compute(): unknown {
    return null;
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this, key, false);
  }
  add(key: string, value: unknown): FakeSetting {
    this.call("Add", [key, value], () => {
      if (typeof key !== "string" || key === "") throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
      this.context.excel.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.context, this, key, false);
  }
}

export class FakeSetting extends FakeNullable {
  protected readonly typeName = "Setting";
  protected readonly scalars = ["key", "value"];
  constructor(context: FakeContext, parent: FakeObject, private readonly key: string, nullable: boolean) {
    super(context, parent, nullable ? "GetItemOrNullObject" : "GetItem", [key], nullable);
  }
  protected isNull(): boolean {
    return !this.context.excel.settings.has(this.key);
  }
  protected compute(prop: string): unknown {
    if (!this.context.excel.settings.has(this.key)) throw new FakeOfficeError("ItemNotFound", `No setting "${this.key}".`);
    return prop === "key" ? this.key : this.context.excel.settings.get(this.key);
  }
  get value(): unknown {
    return this.get("value");
  }
}
