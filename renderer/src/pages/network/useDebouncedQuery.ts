import { useEffect, useState } from 'react';

/** The search box's text, handed to the store 300 ms after the user stops typing. */
export function useDebouncedQuery(query: string, setQuery: (q: string) => void): [string, (t: string) => void] {
  const [text, setText] = useState(query);
  useEffect(() => {
    if (text === query) return;
    const t = setTimeout(() => setQuery(text), 300);
    return () => clearTimeout(t);
  }, [text, query, setQuery]);
  return [text, setText];
}
