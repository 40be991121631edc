// An organisation's deleted records, for its editors and administrators: what went, who deleted
// it and until when it can be restored; Restore puts it back as it was.
import { useState } from 'react';
import { type ApiError, api, get } from '../../api/client.ts';
import { asApiError, useLoad } from '../../api/hooks.ts';
import type { DeletedRecord, TrashPage } from '../../api/types.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function DeletedRecords({ orgId }: { orgId: string }) {
  const { t, formatDateTime } = useI18n();
  const trash = useLoad(() => get<TrashPage>('/trash', { org_id: orgId }), [orgId]);
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  async function restore(item: DeletedRecord) {
    setError(undefined);
    setMessage(undefined);
    try {
      await api('POST', `/trash/${item.type}/${item.id}/restore`);
      setMessage(t('admin.trashRestored', { label: item.label ?? item.id }));
      trash.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <section className="card" aria-labelledby="trash-h">
      <h2 id="trash-h">{t('admin.trash')}</h2>
      <p className="muted">{t('admin.trashLead', { days: trash.data?.restore_days ?? 30 })}</p>
      <ErrorMessage error={trash.error ?? error} />
      {message && <Success>{message}</Success>}
      {trash.loading && <Loading />}
      {trash.data && trash.data.items.length === 0 && <p className="muted">{t('admin.trashEmpty')}</p>}
      {trash.data && trash.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.entity')}</th>
              <th scope="col">{t('admin.trashRecord')}</th>
              <th scope="col">{t('admin.trashDeleted')}</th>
              <th scope="col">{t('admin.trashUntil')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {trash.data.items.map((item) => (
              <tr key={`${item.type}-${item.id}`}>
                <td>{t(`admin.trashKind.${item.type}`)}</td>
                <td>{item.label ?? '—'}</td>
                <td>
                  {formatDateTime(item.deleted_at)}
                  {item.deleted_by ? ` · ${item.deleted_by.name ?? ''}` : ''}
                </td>
                <td>{formatDateTime(item.restorable_until)}</td>
                <td>
                  <button type="button" onClick={() => restore(item)}>
                    {t('admin.trashRestore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
