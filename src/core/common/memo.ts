/**
 * Remembering the answers of a pure function of a string: a plan repeats its wordings ("1 Apr 09",
 * "On track", "DA Strategy Co-ordinator") and its days hundreds of times, and each is read once.
 * Bounded: the memory is cleared when it holds `limit` answers, so a sheet of all-different texts
 * costs no more than reading each.
 */
export function remembered<T>(read: (text: string) => T, limit = 5000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text: string) => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = read(text);
    if (answers.size >= limit) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
