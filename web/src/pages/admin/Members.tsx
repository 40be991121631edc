// An organisation's members and invitations, and their roles.
import { type FormEvent, useState } from 'react';
import { type ApiError, api, get } from '../../api/client.ts';
import { asApiError, useLoad } from '../../api/hooks.ts';
import type { Member, MemberAdded, Role } from '../../api/types.ts';
import { ErrorMessage, FieldError, Loading, Success } from '../../components/Status.tsx';
import { Badge } from '../../components/Tags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { invitationLink } from '../Invitation.tsx';
import { ROLES } from './shared.ts';

export function Members({ orgId }: { orgId: string }) {
  const { t, formatDate } = useI18n();
  const members = useLoad(() => get<Member[]>(`/organisations/${orgId}/members`), [orgId]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);

  async function run(action: () => Promise<string>) {
    setError(undefined);
    setMessage(undefined);
    setLink(undefined);
    setCopied(false);
    try {
      setMessage(await action());
      members.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const invite = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const reply = await api<MemberAdded>('POST', `/organisations/${orgId}/members`, {
        email,
        role,
        name: name || undefined,
      });
      setEmail('');
      setName('');
      if (reply.invitation_token) setLink(invitationLink(reply.invitation_token));
      return reply.invitation_token
        ? t('admin.inviteDone', { email: reply.member.email, token: reply.invitation_token })
        : t('common.saved');
    });
  };

  return (
    <section className="card" aria-labelledby="members-h">
      <h2 id="members-h">{t('admin.members')}</h2>
      <ErrorMessage error={members.error} />
      {members.loading && <Loading />}
      {members.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.joined')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.removeMember')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.user_id}>
                <td>
                  {m.email} {!m.has_password && <Badge tone="warn">{t('admin.invited')}</Badge>}
                </td>
                <td>{m.name ?? '—'}</td>
                <td>
                  <select
                    aria-label={`${t('admin.role')}: ${m.email}`}
                    value={m.role}
                    onChange={(e) =>
                      run(async () => {
                        await api('PATCH', `/organisations/${orgId}/members/${m.user_id}`, {
                          role: e.target.value,
                        });
                        return t('admin.roleChanged');
                      })
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{formatDate(m.joined_at)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      // Removing someone takes their access at once: ask before doing it.
                      if (!window.confirm(t('admin.confirmRemoveMember', { email: m.email }))) return;
                      run(async () => {
                        await api('DELETE', `/organisations/${orgId}/members/${m.user_id}`);
                        return t('admin.memberRemoved');
                      });
                    }}
                  >
                    {t('admin.removeMember')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="h3">{t('admin.invite')}</h3>
      <form className="form-row form" onSubmit={invite}>
        <label>
          {t('admin.email')}
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <FieldError error={error} field="email" />
        </label>
        <label>
          {t('admin.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('admin.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">{t('admin.invite')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {message && <Success>{message}</Success>}
      {link && (
        <div className="form-row">
          <label>
            {t('admin.invitationLink')}
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() =>
                // Without clipboard permission the field stays selectable to copy by hand.
                navigator.clipboard.writeText(link).then(
                  () => setCopied(true),
                  () => undefined,
                )
              }
            >
              {copied ? t('admin.copied') : t('admin.copy')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
