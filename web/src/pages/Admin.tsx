// Organisation administration: members and invitations, roles, sharing defaults, the user's API
// tokens, and the organisation's audit trail. Every change shows its result or its error.
import { type FormEvent, useState } from 'react';
import { ApiError, api, get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type {
  ApiToken,
  AuditEntry,
  Member,
  MemberAdded,
  Organisation,
  Page,
  Role,
  TokenCreated,
  Visibility,
} from '../api/types.ts';
import { ErrorMessage, FieldError, Loading, Success } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { VisibilitySelect } from '../components/VisibilitySelect.tsx';
import { useI18n } from '../i18n/index.tsx';

const ROLES: Role[] = ['admin', 'editor', 'viewer'];
const asError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));

function Members({ orgId }: { orgId: string }) {
  const { t, formatDate } = useI18n();
  const members = useLoad(() => get<Member[]>(`/organisations/${orgId}/members`), [orgId]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();

  async function run(action: () => Promise<string>) {
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await action());
      members.reload();
    } catch (err) {
      setError(asError(err));
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
                    onClick={() =>
                      run(async () => {
                        await api('DELETE', `/organisations/${orgId}/members/${m.user_id}`);
                        return t('admin.memberRemoved');
                      })
                    }
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
    </section>
  );
}

function SharingDefaults({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const session = useSession();
  const org = useLoad(() => get<Organisation>(`/organisations/${orgId}`), [orgId]);
  const [records, setRecords] = useState<Visibility>();
  const [documents, setDocuments] = useState<Visibility>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  const current = org.data;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!current) return;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const saved = await api<Organisation>('PATCH', `/organisations/${orgId}`, {
        default_visibility: records ?? current.default_visibility,
        default_document_visibility: documents ?? current.default_document_visibility,
        version: current.version,
      });
      setMessage(
        t('admin.defaultsSaved', {
          records: label('visibility', saved.default_visibility),
          documents: label('visibility', saved.default_document_visibility),
        }),
      );
      setRecords(undefined);
      setDocuments(undefined);
      org.reload();
      await session.refresh();
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="defaults-h">
      <h2 id="defaults-h">{t('admin.defaults')}</h2>
      <p>{t('admin.defaultsLead', { org: orgName })}</p>
      <ErrorMessage error={org.error} />
      {org.loading && !current && <Loading />}
      {current && (
        <form className="form-row form" onSubmit={save}>
          {(
            [
              ['default_visibility', t('admin.defaultRecords'), records, setRecords],
              ['default_document_visibility', t('admin.defaultDocuments'), documents, setDocuments],
            ] as const
          ).map(([field, fieldLabel, chosen, choose]) => (
            <div key={field} className="field">
              <VisibilitySelect
                label={fieldLabel}
                value={chosen ?? current[field]}
                onChange={choose}
                describedBy="defaults-hint"
              />
              <FieldError error={error} field={field} />
            </div>
          ))}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('common.saving') : t('admin.saveDefaults')}
            </button>
          </div>
        </form>
      )}
      <p className="muted small" id="defaults-hint">
        {t('admin.defaultsHint', { org: orgName })}
      </p>
      <ErrorMessage error={error} />
      {message && <Success>{message}</Success>}
    </section>
  );
}

function Tokens() {
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
      setError(asError(err));
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
      setError(asError(err));
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

function Audit({ orgId }: { orgId: string }) {
  const { t, formatDateTime } = useI18n();
  const audit = useLoad(() => get<Page<AuditEntry>>('/audit', { org_id: orgId, limit: 50 }), [orgId]);
  return (
    <section className="card" aria-labelledby="audit-h">
      <h2 id="audit-h">{t('admin.audit')}</h2>
      <ErrorMessage error={audit.error} />
      {audit.loading && <Loading />}
      {audit.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.who')}</th>
              <th scope="col">{t('admin.action')}</th>
              <th scope="col">{t('admin.entity')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at)}</td>
                <td>{a.user_email ?? '—'}</td>
                <td>{a.action}</td>
                <td>
                  {a.entity_type} <span className="muted small">{a.entity_id}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const [chosen, setChosen] = useState('');
  const org = session.orgs.find((o) => o.id === chosen) ?? session.orgs[0];
  if (!session.signedIn) return <p className="muted">{t('contribute.signInNeeded')}</p>;
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      {session.orgs.length > 1 && (
        <label>
          {t('common.organisation')}{' '}
          <select value={org?.id} onChange={(e) => setChosen(e.target.value)}>
            {session.orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {org && <p className="lead">{t('admin.lead', { org: org.name })}</p>}
      {org && org.role === 'admin' ? (
        <>
          <Members orgId={org.id} />
          <SharingDefaults orgId={org.id} orgName={org.name} />
          <Audit orgId={org.id} />
        </>
      ) : (
        <p className="muted">{t('admin.onlyAdmins')}</p>
      )}
      <Tokens />
    </div>
  );
}
