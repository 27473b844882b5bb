/** Reading .xlsx packages in tests: every part's bytes, and the elements of a part's XML. */
import * as fs from "node:fs";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";

/** Every part of a package, by name, as bytes. */
export async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  }
  return out;
}

/** Attributes the writer may change on an officer's element: counts, a widened dimension, a rule moved down. */
const MAY_CHANGE: Readonly<Record<string, ReadonlyArray<string>>> = { "*": ["count"], dimension: ["ref"], cfRule: ["priority"], col: ["width", "customWidth", "min", "max"] };

/**
 * Each element of a part outside sheetData (its name, attributes and own text, not its children),
 * counted: an element of the input missing from the output was removed or changed.
 */
export function elementsOf(xml: string, skip: ReadonlyArray<string> = ["sheetData"]): Map<string, number> {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const counts = new Map<string, number>();
  type El = { nodeType: number; localName: string; nodeValue: string | null; childNodes: ArrayLike<unknown>; attributes: ArrayLike<{ name: string; value: string }> };
  const walk = (node: El) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const el = node.childNodes[i] as El;
      if (el.nodeType !== 1 || skip.includes(el.localName)) continue;
      const ignore = [...MAY_CHANGE["*"], ...(MAY_CHANGE[el.localName] ?? [])];
      const attrs = Array.from(el.attributes)
        .filter((a) => !ignore.includes(a.name) && !a.name.startsWith("xmlns"))
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      const text = Array.from(el.childNodes as ArrayLike<El>)
        .filter((c) => c.nodeType === 3)
        .map((c) => c.nodeValue)
        .join("");
      const key = `<${el.localName} ${attrs.join(" ")}>${text}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      walk(el);
    }
  };
  walk(doc as unknown as El);
  return counts;
}

/** The elements of `before` that `after` no longer has (as many times). */
export function missingElements(before: string, after: string, skip?: ReadonlyArray<string>): string[] {
  const a = elementsOf(before, skip);
  const b = elementsOf(after, skip);
  return [...a].filter(([k, n]) => (b.get(k) ?? 0) < n).map(([k]) => k);
}

/** The `<c>` elements of a sheet's XML, by reference. */
export function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)) out.set(m[1], m[0]);
  return out;
}
