/**
 * The workbook part: its sheets (name, visibility, part), the relationships that lead to them,
 * adding or finding a sheet, and the print titles (a defined name per sheet).
 */
import type { Document, Element } from "@xmldom/xmldom";
import { Package, resolveTarget } from "./zip";
import { NS, child, children, element, insertInOrder, rootOf } from "./xml";

export const REL = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  table: `${NS.rel}/table`,
} as const;

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MACRO_TYPES = ["application/vnd.ms-excel.sheet.macroEnabled.main+xml", "application/vnd.ms-excel.template.macroEnabled.main+xml"];
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

export interface SheetEntry {
  name: string;
  el: Element;
  /** The worksheet part, or null when the sheet is not a worksheet (a chart sheet, a dialog sheet). */
  part: string | null;
  /** A worksheet part the workbook names but the package does not hold. */
  missing?: string;
  index: number;
}

export class WorkbookPart {
  private constructor(
    readonly pkg: Package,
    readonly part: string,
    readonly doc: Document,
    readonly macros: boolean,
  ) {}

  static async open(pkg: Package): Promise<WorkbookPart> {
    const main = (await pkg.rels("")).find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    if (!main) throw new Error("the package has no workbook part (it is not an Excel workbook)");
    const part = resolveTarget("", main.target);
    const doc = await pkg.xml(part);
    if (rootOf(doc).namespaceURI === STRICT_MAIN) throw new Error("the workbook is saved as Strict Open XML, which this command does not edit");
    const type = await pkg.contentType(part);
    return new WorkbookPart(pkg, part, doc, MACRO_TYPES.includes(type ?? ""));
  }

  private get sheetsEl(): Element {
    const s = child(rootOf(this.doc), "sheets");
    if (!s) throw new Error(`${this.part} lists no sheets`);
    return s;
  }

  async sheets(): Promise<SheetEntry[]> {
    const rels = await this.pkg.rels(this.part);
    return children(this.sheetsEl, "sheet").map((el, index) => {
      const id = el.getAttributeNS(NS.rel, "id") ?? "";
      const rel = rels.find((r) => r.id === id);
      const part = rel && !rel.external && rel.type === REL.worksheet ? resolveTarget(this.part, rel.target) : null;
      const name = el.getAttribute("name") ?? "";
      if (part && !this.pkg.has(part)) return { name, el, part: null, missing: part, index };
      return { name, el, part, index };
    });
  }

  async find(name: string): Promise<SheetEntry | undefined> {
    return (await this.sheets()).find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The part a workbook relationship of this type leads to (styles, shared strings), or null. */
  async related(type: string): Promise<string | null> {
    const rel = (await this.pkg.rels(this.part)).find((r) => r.type === type && !r.external);
    return rel ? resolveTarget(this.part, rel.target) : null;
  }

  /** Whether the officer locked the workbook's structure (Review > Protect Workbook): no sheet may be added. */
  structureLocked(): boolean {
    const p = child(rootOf(this.doc), "workbookProtection");
    return /^(1|true)$/.test(p?.getAttribute("lockStructure") ?? "");
  }

  /** Adds a worksheet at the end of the tabs; returns its entry. */
  async addSheet(name: string, text: string): Promise<SheetEntry> {
    const part = this.pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    this.pkg.setText(part, text);
    await this.pkg.setContentType(part, WORKSHEET_TYPE);
    const dir = this.part.includes("/") ? this.part.slice(0, this.part.lastIndexOf("/") + 1) : "";
    const target = part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
    const id = await this.pkg.addRel(this.part, REL.worksheet, target);
    const ids = children(this.sheetsEl, "sheet").map((s) => Number(s.getAttribute("sheetId")) || 0);
    const root = rootOf(this.doc);
    const el = element(this.doc, root, "sheet", { name, sheetId: Math.max(0, ...ids) + 1 });
    el.setAttributeNS(NS.rel, `${this.relPrefix()}:id`, id);
    this.sheetsEl.appendChild(el);
    this.pkg.touch(this.part);
    const index = children(this.sheetsEl, "sheet").length - 1;
    return { name, el, part, index };
  }

  private relPrefix(): string {
    const root = rootOf(this.doc);
    for (let i = 0; i < root.attributes.length; i++) {
      const a = root.attributes.item(i)!;
      if (a.value === NS.rel && a.name.startsWith("xmlns:")) return a.name.slice(6);
    }
    root.setAttribute("xmlns:r", NS.rel);
    return "r";
  }

  setState(entry: SheetEntry, state: "visible" | "veryHidden"): void {
    const want = state === "visible" ? null : state;
    if ((entry.el.getAttribute("state") ?? null) === want || (want === null && entry.el.getAttribute("state") === "visible")) return;
    if (want === null) entry.el.removeAttribute("state");
    else entry.el.setAttribute("state", want);
    this.pkg.touch(this.part);
  }

  /** Sets (or clears, with null) the rows printed at the top of each page of a sheet. */
  setPrintTitles(entry: SheetEntry, rows: [number, number] | null): void {
    const root = rootOf(this.doc);
    let names = child(root, "definedNames");
    const value = rows ? `'${entry.name.replace(/'/g, "''")}'!$${rows[0] + 1}:$${rows[1] + 1}` : null;
    const existing = names ? children(names, "definedName").find((d) => d.getAttribute("name")?.toLowerCase() === "_xlnm.print_titles" && d.getAttribute("localSheetId") === String(entry.index)) : undefined;
    if (existing ? existing.textContent === value : value === null) return;
    if (existing) names!.removeChild(existing);
    if (value !== null) {
      if (!names) {
        names = element(this.doc, root, "definedNames");
        insertInOrder(root, names, WORKBOOK_ORDER);
      }
      const d = element(this.doc, root, "definedName", { name: "_xlnm.Print_Titles", localSheetId: entry.index });
      d.appendChild(this.doc.createTextNode(value));
      names.appendChild(d);
    }
    this.pkg.touch(this.part);
  }
}
