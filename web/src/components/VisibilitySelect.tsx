// The one visibility picker (uploads, confirmations, an organisation's sharing defaults), and the
// rule the server applies to records drawn from a document: never wider than the document.
import type { Visibility } from '../api/types.ts';
import { useEnumLabel } from './Tags.tsx';

export const VISIBILITIES: Visibility[] = ['public', 'network', 'owner'];

/** The visibility that lets the fewest see (as the server narrows records confirmed from a document). */
export function narrowestVisibility(...options: Visibility[]): Visibility {
  return options.reduce((a, b) => (VISIBILITIES.indexOf(b) > VISIBILITIES.indexOf(a) ? b : a));
}

export function VisibilitySelect({
  label,
  value,
  onChange,
  describedBy,
}: {
  label: string;
  value: Visibility;
  onChange(value: Visibility): void;
  describedBy?: string;
}) {
  const enumLabel = useEnumLabel();
  return (
    <label>
      {label}
      <select
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as Visibility)}
      >
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {enumLabel('visibility', v)}
          </option>
        ))}
      </select>
    </label>
  );
}
