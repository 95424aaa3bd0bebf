/**
 * A fresh `once` for one check or one editor request: each key's value is computed at most once, and forgotten with
 * the check. The rules of one file that ask the same question (a scan of the workspace, a schema walk) share one
 * answer without module state.
 */
export function createOnce(): <T>(key: string, compute: () => T) => T {
  const values = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (values.has(key)) return values.get(key) as T;
    const value = compute();
    values.set(key, value);
    return value;
  };
}
