/**
 * The workbook as a zip package. JSZip (already in the tree as ExcelJS's own zip library, and
 * well kept): it keeps each entry's compressed bytes, so a part the command does not touch is
 * written back exactly as it was read, without being inflated and deflated again.
 */
import type { Document } from "@xmldom/xmldom";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { NS, XmlProblem, children, parseXml, serializeXml, rootOf } from "./xml";

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Part names inside the package have no leading slash ("xl/workbook.xml"). */
export function partName(name: string): string {
  return name.replace(/^\/+/, "");
}

/** The rels part of a part: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship target as a part name: relative to the source part's folder, or absolute ("/xl/..."). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return partName(target);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target)).replace(/^(\.\.\/)+/, "");
}

/** A part larger than this is not a plan's (a 10,000-action sheet is about 25 MB): a zip bomb or damage. */
const MAX_PART_BYTES = 512 * 2 ** 20;
const MAX_TOTAL_BYTES = 2 * 2 ** 30;

type Compressed = new (compressedSize: number, size: number, crc32: number, compression: unknown, data: Buffer) => unknown;
/**
 * JSZip's own holder of an entry's compressed bytes (what it keeps for an entry it read), so a
 * part this writer changed can be deflated by Node's zlib (native, several times faster than
 * JSZip's JavaScript deflate on a 10,000-action sheet). Null where JSZip's insides are not as
 * expected: JSZip then deflates the part itself, with the same result.
 */
const precompress: { Compressed: Compressed; deflate: unknown } | null = (() => {
  try {
    const load = createRequire(require.resolve("jszip"));
    const Compressed = load("./compressedObject") as Compressed;
    const deflate = (load("./compressions") as { DEFLATE?: { magic?: string } }).DEFLATE;
    if (typeof Compressed !== "function" || deflate?.magic !== "\x08\x00" || typeof zlib.crc32 !== "function") return null;
    return { Compressed, deflate };
  } catch {
    return null;
  }
})();

export class Package {
  private written = new Map<string, string>();
  private changed = new Set<string>();
  private docs = new Map<string, Document>();
  /** Each part's text as read from the zip, inflated once; dropped when the part is written or removed. */
  private texts = new Map<string, string>();

  /**
   * The time stamp every written entry gets: that of the package's content types, so the same
   * edits of the same file give the same bytes (a second refresh is byte-identical to the first).
   */
  private readonly stamp: Date;

  private constructor(private readonly zip: JSZip) {
    this.stamp = zip.file("[Content_Types].xml")?.date ?? new Date(Date.UTC(1980, 0, 1));
  }

  static async load(data: Buffer): Promise<Package> {
    const zip = await JSZip.loadAsync(data, { checkCRC32: false });
    // Bounded before anything is inflated: what the zip's directory says each part holds.
    let total = 0;
    for (const [name, file] of Object.entries(zip.files)) {
      const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
      if (size > MAX_PART_BYTES) throw new XmlProblem(`${name} would unpack to ${Math.round(size / 2 ** 20)} MB, more than a workbook part can hold`);
      total += size;
    }
    if (total > MAX_TOTAL_BYTES) throw new XmlProblem(`the package would unpack to ${Math.round(total / 2 ** 20)} MB, more than this command reads`);
    return new Package(zip);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  parts(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  async text(part: string): Promise<string> {
    const kept = this.texts.get(part);
    if (kept !== undefined) return kept;
    const file = this.zip.file(part);
    if (!file) throw new XmlProblem(`${part} is missing`);
    const text = await file.async("string");
    this.texts.set(part, text);
    return text;
  }

  /** The part as a DOM, parsed once; a change is kept when `touch` is called. */
  async xml(part: string): Promise<Document> {
    let doc = this.docs.get(part);
    if (!doc) {
      doc = parseXml(await this.text(part), part);
      this.docs.set(part, doc);
    }
    return doc;
  }

  /** Marks a parsed part as changed (written back from its DOM on save). */
  touch(part: string): void {
    this.changed.add(part);
  }

  setText(part: string, text: string): void {
    this.texts.delete(part);
    this.docs.delete(part);
    this.changed.delete(part);
    this.zip.file(part, text, { date: this.stamp });
    this.written.set(part, text);
  }

  remove(part: string): void {
    this.texts.delete(part);
    this.written.delete(part);
    this.docs.delete(part);
    this.changed.delete(part);
    this.zip.remove(part);
  }

  /** The relationships of a part (none when it has no rels part). */
  async rels(part: string): Promise<Relationship[]> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const doc = await this.xml(relsPart);
    return children(rootOf(doc), "Relationship").map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: r.getAttribute("Target") ?? "",
      external: r.getAttribute("TargetMode") === "External",
    }));
  }

  /** Adds a relationship to a part's rels (made when missing); returns its id. */
  async addRel(part: string, type: string, target: string): Promise<string> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) this.setText(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.pkgRel}"/>`);
    const doc = await this.xml(relsPart);
    const used = new Set(children(rootOf(doc), "Relationship").map((r) => r.getAttribute("Id")));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const rel = doc.createElementNS(NS.pkgRel, "Relationship");
    rel.setAttribute("Id", `rId${n}`);
    rel.setAttribute("Type", type);
    rel.setAttribute("Target", target);
    rootOf(doc).appendChild(rel);
    this.touch(relsPart);
    return `rId${n}`;
  }

  /** Sets the content type of a part (an Override), replacing any it had. */
  async setContentType(part: string, type: string | null): Promise<void> {
    const doc = await this.xml("[Content_Types].xml");
    const root = rootOf(doc);
    for (const o of children(root, "Override")) if (partName(o.getAttribute("PartName") ?? "") === part) root.removeChild(o);
    if (type !== null) {
      const o = doc.createElementNS(NS.types, "Override");
      o.setAttribute("PartName", `/${part}`);
      o.setAttribute("ContentType", type);
      root.appendChild(o);
    }
    this.touch("[Content_Types].xml");
  }

  /** The content type of a part (its Override, else the Default of its extension). */
  async contentType(part: string): Promise<string | null> {
    const root = rootOf((await this.xml("[Content_Types].xml")));
    for (const o of children(root, "Override")) if (partName(o.getAttribute("PartName") ?? "") === part) return o.getAttribute("ContentType");
    const ext = path.posix.extname(part).slice(1).toLowerCase();
    for (const d of children(root, "Default")) if ((d.getAttribute("Extension") ?? "").toLowerCase() === ext) return d.getAttribute("ContentType");
    return null;
  }

  /** The first free part name of a numbered kind: xl/worksheets/sheet{n}.xml. */
  freeName(pattern: (n: number) => string): string {
    let n = 1;
    while (this.has(pattern(n))) n++;
    return pattern(n);
  }

  /** The package's bytes, every changed DOM serialised; untouched entries keep their compressed bytes. */
  async bytes(): Promise<Buffer> {
    for (const part of this.changed) {
      const doc = this.docs.get(part);
      if (doc) this.setText(part, serializeXml(doc));
    }
    this.changed.clear();
    if (precompress) {
      for (const [part, text] of this.written) {
        const entry = this.zip.files[part] as unknown as { _data: unknown; _dataBinary: boolean } | undefined;
        if (!entry) continue;
        const raw = Buffer.from(text, "utf8");
        const deflated = zlib.deflateRawSync(raw, { level: 6 });
        entry._data = new precompress.Compressed(deflated.length, raw.length, zlib.crc32(raw), precompress.deflate, deflated);
        entry._dataBinary = true;
      }
    }
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}

/** Writes bytes to a temporary file beside `out`, then renames it into place; nothing is left on failure. */
export function writeAtomically(out: string, bytes: Buffer): void {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
