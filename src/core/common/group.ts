/** Grouping values under a key: the one get-or-create-list step the core's indexes share. */

/** Adds a value to the list kept under a key, starting the list when the key is new. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
