/**
 * Checks of the shape of untrusted data (settings files, drafts in storage, a planner profile's topology):
 * each field rebuilt by hand, so nothing foreign rides along, and the first bad field named.
 */

/** The data has the wrong shape; the message names the field. */
export class ShapeError extends Error {}

export type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** obj[key] when it passes check; a ShapeError naming the key otherwise. */
export function field<T>(obj: Obj, key: string, check: (v: unknown) => v is T): T {
  const value = obj[key];
  if (!check(value)) throw new ShapeError(`"${key}" is missing or has the wrong type.`);
  return value;
}
/** A string. */
export const isString = (v: unknown): v is string => typeof v === "string";
/** A boolean. */
export const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
/** One of the values given. */
export const oneOf =
  <T>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);
/** An array whose every item passes check. */
export const arrayOf =
  <T>(check: (v: unknown) => v is T) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(check);
/** An array of strings. */
export const isStringArray = arrayOf(isString);
/** An object whose every value is a string. */
export const isStringRecord = (v: unknown): v is Record<string, string> => isObj(v) && Object.values(v).every(isString);
