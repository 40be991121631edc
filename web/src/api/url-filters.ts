import { useSearchParams } from 'react-router-dom';

/**
 * The filters of a list page live in its URL, so a filtered view can be bookmarked and shared.
 * Setting a filter to '' removes it; changing any filter but the cursor goes back to the first page,
 * because the cursor of one result set means nothing in another.
 */
export function useUrlFilters(): [URLSearchParams, (key: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'cursor') next.delete('cursor');
    setParams(next);
  };
  return [params, set];
}
