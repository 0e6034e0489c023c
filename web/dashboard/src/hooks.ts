import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Runs `load` when `key` changes or `refresh` grows (a live change), keeping the last data on
 * screen while the next answer is on its way; an older answer never replaces a newer one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string, refresh = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const lastKey = useRef(key);
  useEffect(() => {
    const controller = new AbortController();
    const sameView = lastKey.current === key;
    lastKey.current = key;
    setState((s) => ({ data: sameView ? s.data : null, error: null, loading: true }));
    load(controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, error: error.message, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, refresh]);
  return state;
}

/**
 * Calls `fn` `ms` after the first call of a burst, once, however many calls come in between: a
 * national import's 75,000 changes refresh the page a few times a second, not 75,000 times, and
 * a single change shows within `ms`.
 */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
}
