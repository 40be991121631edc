// The rows a form edits in place (an evaluation's findings, a recommendation's key actions): each
// keyed for React while it is edited, changed, removed and added, with the buttons that do it.
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

export type Keyed<T> = T & { key: number };

let nextKey = 1;
const keyed = <T extends object>(row: T): Keyed<T> => ({ ...row, key: nextKey++ });

/** The rows, from `initial`; `add` appends `blank()`. */
export function useEditableRows<T extends object>(initial: T[], blank: () => T) {
  const [rows, setRows] = useState<Keyed<T>[]>(() => initial.map(keyed));
  return {
    rows,
    update: (key: number, patch: Partial<T>) =>
      setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    remove: (key: number) => setRows((list) => list.filter((r) => r.key !== key)),
    add: () => setRows((list) => [...list, keyed(blank())]),
  };
}

export function RemoveRowButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="secondary" onClick={onClick}>
      {t('common.remove')}
    </button>
  );
}

export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="secondary" onClick={onClick}>
      {children}
    </button>
  );
}
