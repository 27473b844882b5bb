/**
 * Who leads an action, as the board report's By Lead and the partner returns group them: the same
 * lead written differently ("DA Strategy Co-ordinator", "DA strategy co-ordinator.") is one lead,
 * and an action led jointly ("X/ Y", "X or Y", "X, to liaise with Y") goes under its first lead,
 * naming the others.
 */

export interface LeadOf {
  /** The key the lead is grouped by ("" where no lead is named). */
  key: string;
  /** The first lead as written (spaces made single, trailing punctuation dropped). */
  name: string;
  /** The other leads named, as written. */
  others: string[];
}

/**
 * Where a joint lead splits: a slash, a lone "or" / "and" / "&" between words only when the next
 * words are a new role ("Director, N & HS or Community Safety Manager"), and the liaison phrases.
 */
const JOINT = /\s*\/\s*|\s+or\s+|,?\s+(?:to\s+)?(?:liaise|liaising|working|jointly|together)\s+with\s+|,?\s+with\s+support\s+from\s+|,?\s+supported\s+by\s+/i;

function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s.,;:!?\-–(]+|[\s.,;:!?\-–]+$/g, "");
}

/** The key a lead's name is grouped by: case, punctuation and spacing ignored ("Co-ordinator" is "coordinator"). */
export function leadNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .replace(/&/g, " and ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The lead an action is grouped under, and the others it names. */
export function leadOf(text: string): LeadOf {
  const parts = text
    .split(JOINT)
    .map(tidy)
    .filter((p) => p !== "");
  if (parts.length === 0) return { key: "", name: "", others: [] };
  // A parenthesis left open by the split ("(see 4.2.1") is no lead of its own.
  const others = parts.slice(1).filter((p) => leadNameKey(p) !== "");
  return { key: leadNameKey(parts[0]), name: parts[0], others };
}
