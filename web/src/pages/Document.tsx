// One document: what it is, its text with the extracted values highlighted, and the way to the
// check-and-confirm form while it is a draft.
import { Link, useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { DocumentExtraction, TacitDocument } from '../api/types.ts';
import { DocumentText, spansFromProvenance } from '../components/DocumentText.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const doc = useLoad(() => get<TacitDocument>(`/documents/${id}`), [id, session.me?.user_id]);
  const extraction = useLoad(
    () => get<DocumentExtraction>(`/documents/${id}/extraction`).catch(() => undefined),
    [id, session.me?.user_id],
  );
  if (doc.error) return <ErrorMessage error={doc.error} />;
  if (!doc.data) return <Loading />;
  const d = doc.data;
  return (
    <article className="page">
      <h1>{d.title ?? d.filename}</h1>
      <div className="chips">
        <Badge>{label('docKind', d.kind)}</Badge>
        <Badge tone="info">{label('visibility', d.visibility)}</Badge>
        <Badge tone={d.status === 'confirmed' ? 'ok' : 'warn'}>{d.status}</Badge>
        {d.language && <span className="muted small">{d.language}</span>}
      </div>
      <p className="muted small">
        {d.filename} · {d.owner_org.name} · {formatDateTime(d.created_at)} ·{' '}
        <a href={`/api/v1/documents/${d.id}/file`}>{t('document.download')}</a>
        {d.project_id && (
          <>
            {' '}
            · <Link to={`/projects/${d.project_id}`}>{t('contribute.openProject')}</Link>
          </>
        )}
      </p>
      {d.status === 'extracted' && session.canEdit(d.owner_org.id) && (
        <p>
          <Link to={`/documents/${d.id}/review`}>{t('contribute.review')}</Link>
        </p>
      )}
      <section className="card">
        <h2>{t('document.text')}</h2>
        {d.text ? (
          <DocumentText
            text={d.text}
            spans={spansFromProvenance(extraction.data?.draft?.record.provenance)}
            label={t('document.text')}
          />
        ) : (
          <p className="muted">{t('document.noText')}</p>
        )}
      </section>
    </article>
  );
}
