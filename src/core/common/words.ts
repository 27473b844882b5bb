/** Small pieces of the product's English, used wherever a count or a sentence is put in words. */

/** "1 action", "3 actions"; `many` for words whose plural is not word + "s". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The text with its first letter in capitals ("deadline passed" -> "Deadline passed"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The text with its first letter in lower case, to continue a sentence with it. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
