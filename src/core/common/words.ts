/** Small pieces of the product's English, used wherever a count or a sentence is put in words. */

/** "1 action", "3 actions"; `many` for words whose plural is not word + "s". */
export function plural(n: number, word: string, many?: string): string {
  return `${n} ${n === 1 ? word : (many ?? `${word}s`)}`;
}

/** The text with its first letter in capitals ("deadline passed" -> "Deadline passed"). */
export function capitalise(s: string): string {
  // Most texts asked about open with a capital or a digit ("3.1.2"): they come back as they are, no new string.
  const c = s.charCodeAt(0);
  if (c < 128 && !(c >= 97 && c <= 122)) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The text with its first letter in lower case, to continue a sentence with it. */
export function lowerFirst(s: string): string {
  const c = s.charCodeAt(0);
  if (c < 128 && !(c >= 65 && c <= 90)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
