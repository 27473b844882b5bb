/** A1 addresses and areas in the fake Excel: parsing, printing, containment and subtraction. */
import { areasIntersect, columnIndex, columnLetter, type Area } from "../../../src/core/grid";
import { FakeOfficeError, MAX_COL, MAX_ROW } from "./errors";

/** "A1", "A1:B2", "I:I", "3:5" (sheet prefix and $ allowed) as an area; throws InvalidArgument otherwise. */
export function parseAddress(address: string): Area {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(bare);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    if (r1 < 0 || r2 < 0 || r1 > MAX_ROW || r2 > MAX_ROW || c1 > MAX_COL || c2 > MAX_COL) throw new FakeOfficeError("InvalidArgument", `The address ${address} is not valid.`);
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(bare);
  if (m) {
    const a = columnIndex(m[1]);
    const b = columnIndex(m[2]);
    return { top: 0, left: Math.min(a, b), bottom: MAX_ROW, right: Math.max(a, b) };
  }
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: MAX_COL };
  }
  throw new FakeOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
}

/** "A1", "B3:G3", "I:I" of an area. */
export function formatArea(a: Area): string {
  if (a.top === 0 && a.bottom === MAX_ROW) return `${columnLetter(a.left)}:${columnLetter(a.right)}`;
  if (a.left === 0 && a.right === MAX_COL) return `${a.top + 1}:${a.bottom + 1}`;
  const first = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${columnLetter(a.right)}${a.bottom + 1}`;
}

export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function contains(outer: Area, inner: Area): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** a minus b, as up to four rectangles. */
export function subtract(a: Area, b: Area): Area[] {
  if (!areasIntersect(a, b)) return [a];
  const out: Area[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}
export function rowsCols(a: Area): [number, number] {
  return [a.bottom - a.top + 1, a.right - a.left + 1];
}

