// Contribute documents (drag and drop, several at once, progress per file) and IATI activity files
// (upload progress, then the import job's progress until its report).
import { type DragEvent, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api/client.ts';
import { get, upload } from '../api/client.ts';
import { asApiError, useWrite } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { ImportJob, RecordVisibility, UploadReply } from '../api/types.ts';
import { OrganisationSelect } from '../components/OrganisationPicker.tsx';
import { ErrorMessage, Progress, Success } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { VisibilitySelect } from '../components/VisibilitySelect.tsx';
import { useI18n } from '../i18n/index.tsx';

interface Upload {
  key: number;
  name: string;
  progress: number;
  document?: UploadReply;
  error?: ApiError;
}

let nextKey = 1;

function IatiImport({ ownerOrgId }: { ownerOrgId: string }) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File>();
  const [sent, setSent] = useState(0);
  const [job, setJob] = useState<ImportJob>();
  const { busy, error, run } = useWrite();

  async function start() {
    if (!file) return;
    setJob(undefined);
    setSent(0);
    await run(async () => {
      const form = new FormData();
      if (ownerOrgId) form.append('owner_org_id', ownerOrgId);
      form.append('file', file);
      let current = await upload<ImportJob>('/imports/iati', form, setSent);
      setJob(current);
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        current = await get<ImportJob>(`/imports/iati/${current.id}`);
        setJob(current);
      }
    });
  }

  const fraction = job
    ? job.bytes_total
      ? job.bytes_done / job.bytes_total
      : job.status === 'done'
        ? 1
        : 0
    : 0;
  return (
    <section className="card" aria-labelledby="iati-h">
      <h2 id="iati-h">{t('contribute.iati')}</h2>
      <p className="muted">{t('contribute.iatiLead')}</p>
      <div className="actions">
        <label>
          <span className="visually-hidden">{t('contribute.iati')}</span>
          <input
            type="file"
            accept=".xml,application/xml,text/xml"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <button type="button" onClick={start} disabled={!file || busy}>
          {t('contribute.iatiUpload')}
        </button>
      </div>
      {busy && !job && (
        <Progress value={sent} label={t('contribute.uploading', { name: file?.name ?? '' })} />
      )}
      {job && (job.status === 'queued' || job.status === 'running') && (
        <>
          <Progress value={fraction} label={t('contribute.iati')} />
          <p className="muted small" aria-live="polite">
            {t('contribute.iatiProgress', {
              done: formatNumber(job.bytes_done),
              total: formatNumber(job.bytes_total),
              activities: formatNumber(job.activities_read),
            })}
          </p>
        </>
      )}
      {job?.status === 'done' && (
        <Success>
          {t('contribute.iatiDone', {
            created: job.created,
            updated: job.updated,
            unchanged: job.unchanged,
            rejected: job.rejected,
          })}
        </Success>
      )}
      {job && (job.status === 'done' || job.status === 'failed') && errorsOf(job).length > 0 && (
        <div>
          <p className="small">{t('contribute.iatiIssues')}</p>
          <ul className="small">
            {errorsOf(job).map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once the job has ended
              <li key={i}>{issue.identifier ? `${issue.identifier}: ${issue.message}` : issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {job?.status === 'failed' && (
        <p className="error" role="alert">
          {t('contribute.iatiFailed', { error: job.error ?? '' })}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

export function ContributePage() {
  const { t } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const writable = session.orgs.filter((o) => o.role === 'admin' || o.role === 'editor');
  const [owner, setOwner] = useState('');
  const [chosenVisibility, setVisibility] = useState<RecordVisibility>();
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ownerOrgId = owner || writable[0]?.id || '';
  // Until the user picks one, uploads take the owner organisation's sharing default for documents.
  const ownerDefault = writable.find((o) => o.id === ownerOrgId)?.default_document_visibility;
  const visibility = chosenVisibility ?? ownerDefault ?? 'owner';

  const patch = (key: number, p: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u)));

  function send(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = nextKey++;
      setUploads((list) => [...list, { key, name: file.name, progress: 0 }]);
      const form = new FormData();
      if (ownerOrgId) form.append('owner_org_id', ownerOrgId);
      form.append('visibility', visibility);
      if (visibility === 'shared') form.append('shared_with', sharedWith.join(','));
      form.append('file', file);
      upload<UploadReply>('/documents', form, (progress) => patch(key, { progress })).then(
        (document) => patch(key, { document, progress: 1 }),
        (err: unknown) => patch(key, { error: asApiError(err) }),
      );
    }
  }

  if (!session.signedIn)
    return (
      <section className="narrow">
        <h1>{t('contribute.title')}</h1>
        <p>
          <Link to="/sign-in">{t('contribute.signInNeeded')}</Link>
        </p>
      </section>
    );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) send(e.dataTransfer.files);
  };

  return (
    <div className="page">
      <h1>{t('contribute.title')}</h1>
      <p className="lead">{t('contribute.lead')}</p>
      <section className="card">
        <div className="form-row form">
          <OrganisationSelect
            label={t('contribute.owner')}
            orgs={writable}
            value={ownerOrgId}
            onChange={setOwner}
          />
          <VisibilitySelect
            label={t('contribute.visibility')}
            value={visibility}
            onChange={setVisibility}
            sharedWith={sharedWith}
            onSharedWith={setSharedWith}
          />
        </div>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone adds dragging to the file button inside it */}
        <div
          className={`dropzone ${over ? 'over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>{t('contribute.drop')}</p>
          <button type="button" onClick={() => input.current?.click()}>
            {t('contribute.choose')}
          </button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label={t('contribute.choose')}
            accept=".txt,.md,.html,.htm,.docx,.pdf"
            onChange={(e) => {
              if (e.target.files?.length) send(e.target.files);
              e.target.value = '';
            }}
          />
          <p className="muted small">{t('contribute.formats')}</p>
        </div>
        {uploads.length > 0 && (
          <ul className="plain-list uploads" aria-live="polite">
            {uploads.map((u) => (
              <li key={u.key} className="card">
                <strong>{u.name}</strong>{' '}
                {u.document && (
                  <>
                    <Badge tone="ok">{t('contribute.uploaded')}</Badge>{' '}
                    <Badge>{label('docKind', u.document.kind)}</Badge>{' '}
                    {u.document.duplicate && <span className="muted small">{t('contribute.duplicate')}</span>}{' '}
                    <Link to={`/documents/${u.document.id}/review`}>{t('contribute.review')}</Link>
                  </>
                )}
                {!u.document && !u.error && (
                  <Progress value={u.progress} label={t('contribute.uploading', { name: u.name })} />
                )}
                <ErrorMessage error={u.error} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <IatiImport ownerOrgId={ownerOrgId} />
    </div>
  );
}

/** The first errors of an ended import: why activities were not written (e.g. an unverified publisher ref). */
function errorsOf(job: ImportJob) {
  return (job.issues ?? []).filter((i) => i.severity === 'error').slice(0, 10);
}
