// Which of the signed-in user's organisations a page acts for; shown only to members of more than one.
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/index.tsx';

export function OrganisationPicker({ value, onChange }: { value?: string; onChange(id: string): void }) {
  const session = useSession();
  const { t } = useI18n();
  if (session.orgs.length <= 1) return null;
  return (
    <label>
      {t('common.organisation')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {session.orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
