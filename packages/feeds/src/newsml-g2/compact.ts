// Object literals with optional properties under exactOptionalPropertyTypes: build
// with possibly-undefined values, then drop the undefined ones.

export function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
