// Reading the libraries' expected-output JSON without trusting its shape.

/** The value at a path of keys and indexes, or undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A non-empty string at the path. */
export function str(value: unknown, ...path: (string | number)[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' && found.trim() !== '' ? found : undefined;
}

/** The array at the path; a single value becomes a one-element array. */
export function list(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = at(value, ...path);
  if (found === undefined || found === null) return [];
  return Array.isArray(found) ? found : [found];
}

/** The strings among values, non-empty. */
export function strings(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
