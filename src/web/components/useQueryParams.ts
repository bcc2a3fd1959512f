import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type QueryPatch<K extends string> = Partial<Record<K, string | number | boolean | null | undefined>>;

/**
 * A page's state kept in the URL query (filters, page, tab), so that a link or a reload shows
 * the same list. `set` merges a patch (empty values are removed) and, unless the patch names
 * `page`, goes back to the first page.
 */
export function useQueryParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null && value !== '') out[key] = value;
    }
    return out;
    // keys is a constant list
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const set = useCallback(
    (patch: QueryPatch<K>, options?: { replace?: boolean }) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (!('page' in patch)) next.delete('page');
          for (const [key, value] of Object.entries(patch) as [string, QueryPatch<K>[K]][]) {
            if (value === undefined || value === null || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: options?.replace },
      );
    },
    [setParams],
  );

  return [values, set] as const;
}

/** A positive whole number from the query, or the fallback. */
export function intParam(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
