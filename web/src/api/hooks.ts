// Loading state for a read: the data, the error in words, and a way to read again after a write;
// and the state of a form's write.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError } from './client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** The error a failed call gives, in the one shape the pages show. */
export const asApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, 'client', String(err));

/** A write's state: busy while it runs and its error; `run` performs it and says whether it succeeded. */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (write: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function useLoad<T>(load: (() => Promise<T>) | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(load !== null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the read depends on
  useEffect(() => {
    if (!load) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** A form's write: busy while it runs, the error in words if it fails, else `onDone` with the answer. */
export function useSubmit<T>(write: () => Promise<T>, onDone: (value: T) => void) {
  const { busy, error, run } = useWrite();
  async function submit(e: FormEvent) {
    e.preventDefault();
    let value: T | undefined;
    if (await run(async () => (value = await write()))) onDone(value as T);
  }
  return { busy, error, submit };
}
