/**
 * Sheets the product owns (the board report tabs and the RAG history), and how it knows them:
 * a marker in a hidden cell of the first row. A user's own sheet with the same name has no
 * marker, so it is never overwritten, cleared or deleted.
 */
import { textAt, type Grid } from "../grid";

export type OwnedPurpose = "board-report" | "by-lead" | "history";

/** Column of the marker cell (Z, kept hidden) in row 1 of an owned sheet. */
export const OWNED_MARKER_COL = 25;

export const OWNED_NAMES: Readonly<Record<OwnedPurpose, string>> = {
  "board-report": "Board Report",
  "by-lead": "By Lead",
  history: "RAG History",
};

const MARKER_PREFIX = "action-plan-rag:";

/** The marker text written in an owned sheet's marker cell. */
export function ownedMarker(purpose: OwnedPurpose): string {
  return `${MARKER_PREFIX}${purpose}`;
}

/** What an owned sheet is for, or null for the officers' own sheets. */
export function ownedPurpose(grid: Grid): OwnedPurpose | null {
  const text = textAt(grid, 0, OWNED_MARKER_COL);
  if (!text.startsWith(MARKER_PREFIX)) return null;
  const purpose = text.slice(MARKER_PREFIX.length);
  // Own keys only: "toString" or "constructor" are in every object, and are no purpose.
  return Object.prototype.hasOwnProperty.call(OWNED_NAMES, purpose) ? (purpose as OwnedPurpose) : null;
}

/**
 * The name to give an owned sheet: its usual name, unless a sheet of the officers' holds it,
 * then "Board Report (2)", "Board Report (3)", ... The first name free or already ours wins.
 */
export function ownedSheetName(purpose: OwnedPurpose, sheets: ReadonlyArray<{ name: string; purpose: OwnedPurpose | null }>): string {
  const base = OWNED_NAMES[purpose];
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const existing = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!existing || existing.purpose === purpose) return name;
  }
}
