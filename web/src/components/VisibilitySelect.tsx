// The one visibility picker (uploads, confirmations, an organisation's sharing defaults), and the
// rule the server applies to records drawn from a document: never wider than the document. Where a
// record may be shared with named organisations (`sharedWith` given), it offers that choice too,
// with a picker of the organisations to share with.
import { useState } from 'react';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { Organisation, Page, RecordVisibility, Visibility } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useEnumLabel } from './Tags.tsx';

export const VISIBILITIES: Visibility[] = ['public', 'network', 'owner'];
const RECORD_VISIBILITIES: RecordVisibility[] = ['public', 'network', 'shared', 'owner'];

/**
 * The visibility that lets the fewest see (as the server narrows records confirmed from a
 * document); records drawn from a document shared with named organisations stay with its owner.
 */
export function narrowestVisibility(...options: RecordVisibility[]): Visibility {
  const classes = options.map((v): Visibility => (v === 'shared' ? 'owner' : v));
  return classes.reduce((a, b) => (VISIBILITIES.indexOf(b) > VISIBILITIES.indexOf(a) ? b : a));
}

export function VisibilitySelect<V extends RecordVisibility>({
  label,
  value,
  onChange,
  describedBy,
  sharedWith,
  onSharedWith,
}: {
  label: string;
  value: V;
  onChange(value: NoInfer<V>): void;
  describedBy?: string;
  /** The organisations a 'shared' record is shared with; offering 'shared' needs both. */
  sharedWith?: string[];
  onSharedWith?(ids: string[]): void;
}) {
  const enumLabel = useEnumLabel();
  const canShare = sharedWith !== undefined && onSharedWith !== undefined;
  const options = (canShare ? RECORD_VISIBILITIES : VISIBILITIES) as V[];
  return (
    <>
      <label>
        {label}
        <select value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((v) => (
            <option key={v} value={v}>
              {enumLabel('visibility', v)}
            </option>
          ))}
        </select>
      </label>
      {canShare && value === 'shared' && <OrganisationPicker value={sharedWith} onChange={onSharedWith} />}
    </>
  );
}

/** Organisations found by name, ticked to share with; the ticked ones stay listed. */
function OrganisationPicker({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const found = useLoad(() => get<Page<Organisation>>('/organisations', { q: query, limit: 10 }), [query]);
  const listed = [
    ...value.map((id) => ({ id, name: names[id] ?? id })),
    ...(found.data?.items ?? []).filter((o) => !value.includes(o.id)),
  ];
  const toggle = (o: { id: string; name: string }, on: boolean) => {
    setNames((n) => ({ ...n, [o.id]: o.name }));
    onChange(on ? [...value, o.id] : value.filter((id) => id !== o.id));
  };
  return (
    <fieldset className="organisation-picker">
      <legend>{t('visibility.sharedWith')}</legend>
      <input
        type="search"
        value={query}
        placeholder={t('visibility.findOrganisation')}
        aria-label={t('visibility.findOrganisation')}
        onChange={(e) => setQuery(e.target.value)}
      />
      {listed.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={value.includes(o.id)}
            onChange={(e) => toggle(o, e.target.checked)}
          />
          {o.name}
        </label>
      ))}
      {!value.length && <p className="hint">{t('visibility.pickOne')}</p>}
    </fieldset>
  );
}
