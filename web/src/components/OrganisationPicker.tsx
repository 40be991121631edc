// Choosing an organisation among the signed-in user's: which one a page acts for (shown only to
// members of more than one), or which one owns what a form creates.
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/index.tsx';

/** A labelled select of `orgs`, each by its name. */
export function OrganisationSelect({
  label,
  orgs,
  value,
  onChange,
}: {
  label: string;
  orgs: { id: string; name: string }[];
  value: string | undefined;
  onChange(id: string): void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function OrganisationPicker({ value, onChange }: { value?: string; onChange(id: string): void }) {
  const session = useSession();
  const { t } = useI18n();
  if (session.orgs.length <= 1) return null;
  return (
    <OrganisationSelect
      label={t('common.organisation')}
      orgs={session.orgs}
      value={value}
      onChange={onChange}
    />
  );
}
