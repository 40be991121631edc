// The signed-in user's API tokens: create one (its secret shown once), list and revoke them.
import { type FormEvent, useState } from 'react';
import { type ApiError, api, get } from '../../api/client.ts';
import { asApiError, useLoad } from '../../api/hooks.ts';
import type { ApiToken, TokenCreated } from '../../api/types.ts';
import { ErrorMessage, FieldError, Success } from '../../components/Status.tsx';
import { Badge } from '../../components/Tags.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function Tokens() {
  const { t, formatDateTime } = useI18n();
  const tokens = useLoad(() => get<ApiToken[]>('/tokens'), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setMessage(undefined);
    try {
      const reply = await api<TokenCreated>('POST', '/tokens', { name, scope });
      setMessage(t('admin.tokenSecret', { secret: reply.secret }));
      setName('');
      tokens.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  async function revoke(id: string) {
    setError(undefined);
    setMessage(undefined);
    try {
      await api('DELETE', `/tokens/${id}`);
      setMessage(t('admin.tokenRevoked'));
      tokens.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <section className="card" aria-labelledby="tokens-h">
      <h2 id="tokens-h">{t('admin.tokens')}</h2>
      <ErrorMessage error={tokens.error} />
      {tokens.data && tokens.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.tokenName')}</th>
              <th scope="col">{t('admin.scope')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((tk) => (
              <tr key={tk.id}>
                <td>{tk.name ?? '—'}</td>
                <td>{tk.scope}</td>
                <td>{formatDateTime(tk.created_at)}</td>
                <td>{formatDateTime(tk.last_used_at)}</td>
                <td>
                  {tk.revoked_at ? (
                    <Badge>{t('admin.revoked')}</Badge>
                  ) : (
                    <button type="button" className="secondary" onClick={() => revoke(tk.id)}>
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form-row form" onSubmit={create}>
        <label>
          {t('admin.tokenName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError error={error} field="name" />
        </label>
        <label>
          {t('admin.scope')}
          <select value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit">{t('admin.createToken')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {message && <Success>{message}</Success>}
    </section>
  );
}
