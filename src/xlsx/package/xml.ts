/**
 * XML of one package part, small enough to hold as a DOM (a worksheet's rows never are: see
 * sheet-xml.ts). Parsing keeps every element, attribute, namespace and extension it does not
 * know; a document type declaration (the door to entity expansion) is refused.
 */
import type { Document, Element, Node } from "@xmldom/xmldom";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
} as const;

/** A part that is not well-formed XML, or that this writer will not parse. */
export class XmlProblem extends Error {
  override readonly name = "XmlProblem";
}

/** The document of a part's text, or an XmlProblem naming the part. */
export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) throw new XmlProblem(`${part} declares a document type (not allowed in a workbook)`);
  let problem: string | null = null;
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning" && problem === null) problem = message.split("\n")[0];
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, "text/xml") as unknown as Document;
  } catch (e) {
    throw new XmlProblem(`${part} is not well-formed XML (${(e as Error).message.split("\n")[0]})`);
  }
  if (problem !== null || !doc.documentElement) throw new XmlProblem(`${part} is not well-formed XML (${problem ?? "no root element"})`);
  return doc;
}

/** The text of a document, with the standard declaration Excel writes. */
export function serializeXml(doc: Document): string {
  const body = new XMLSerializer().serializeToString(rootOf(doc)!);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${body}`;
}

/** Text made safe for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** Characters XML 1.0 cannot hold at all (control characters): dropped from text written. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

const ATTRS = new Map<string, RegExp>();
/** An attribute's value in a tag's attribute text (`r="A1" s='3'`), in either quotes; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** A cell's inline string, `<is><t>`: the text escaped, characters XML cannot hold dropped, its edge spaces kept; `p` is the sheet's prefix. */
export function inlineStringXml(text: string, p = ""): string {
  const t = escapeXml(xmlSafe(text));
  const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : "";
  return `<${p}is><${p}t${space}>${t}</${p}t></${p}is>`;
}

export function localName(node: Node): string {
  return (node as Element).localName ?? node.nodeName.replace(/^.*:/, "");
}

/** The element children of a node, optionally only those of one local name. */
export function children(parent: Node, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || localName(n) === name)) out.push(n as Element);
  }
  return out;
}

export function child(parent: Node, name: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && localName(n) === name) return n as Element;
  return undefined;
}

/** A new element in the namespace (and with the prefix) of `like`, so it fits a prefixed document. */
export function element(doc: Document, like: Element, name: string, attrs: Record<string, string | number> = {}): Element {
  const prefix = like.prefix ? `${like.prefix}:` : "";
  const el = doc.createElementNS(like.namespaceURI ?? NS.main, `${prefix}${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * Inserts `el` among `parent`'s children at its place in the schema's sequence `order`
 * (local names): after every child that comes before it, before the first that comes after.
 * Children the order does not name (extensions) are kept where they are.
 */
export function insertInOrder(parent: Element, el: Element, order: ReadonlyArray<string>): void {
  const rank = order.indexOf(localName(el));
  for (const c of children(parent)) {
    const r = order.indexOf(localName(c));
    if (r > rank) {
      parent.insertBefore(el, c);
      return;
    }
  }
  parent.appendChild(el);
}

/** Worksheet children in the order CT_Worksheet requires (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER: ReadonlyArray<string> = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

/** The root element of a parsed part (parseXml guarantees there is one). */
export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (!root) throw new XmlProblem("a part has no root element");
  return root;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** The text of XML character data (the five entities and character references). */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (m, name: string, dec: string, hex: string) => {
    if (name) return NAMED[name];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
