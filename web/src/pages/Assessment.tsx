// One assessment: the instrument applied to its subject. Each assessor fills in their own sheet
// (saved, and resumed where they left it), sees the sheets side by side with their spread, and the
// owner's editors record the agreed result; the results per area are drawn as a radar.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Assessment, AssessmentPrefill, Instrument } from '../api/types.ts';
import { AssessmentResults } from '../components/assessments/Results.tsx';
import { SheetForm } from '../components/assessments/SheetForm.tsx';
import { SideBySide } from '../components/assessments/SideBySide.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLang } from '../i18n/localised.ts';

function subjectLink(subject: Assessment['subject']) {
  if (!subject.id) return null;
  if (subject.type === 'project') return `/projects/${subject.id}`;
  if (subject.type === 'country') return `/countries/${subject.id}`;
  return null;
}

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, lang, formatDateTime } = useI18n();
  const label = useEnumLabel();
  const session = useSession();
  const loaded = useLoad(() => get<Assessment>(`/assessments/${id}`), [id, session.me?.user_id]);
  const [assessment, setAssessment] = useState<Assessment>();
  useEffect(() => setAssessment(loaded.data), [loaded.data]);
  const a = assessment;
  const instrument = useLoad(
    a ? () => get<Instrument>(`/instruments/${a.instrument.key}`, { version: a.instrument.version }) : null,
    [a?.instrument.key, a?.instrument.version],
  );
  const canEdit = Boolean(a && session.signedIn && session.canEdit(a.owner_org.id));
  const prefill = useLoad(
    a && canEdit && a.subject.type === 'project'
      ? () => get<AssessmentPrefill>(`/assessments/${id}/prefill`)
      : null,
    [id, canEdit, a?.subject.type],
  );

  // Assessors score independently: until you have saved your own sheet, the others' scores wait
  // behind a button, so that they do not anchor yours.
  const [revealed, setRevealed] = useState(false);
  const me = session.me?.user_id ?? null;
  const others = a?.assessors.filter((s) => s.assessor.id !== me).length ?? 0;
  const hideOthers =
    canEdit && !revealed && others > 0 && !a?.agreed && !a?.assessors.some((s) => s.assessor.id === me);

  if (loaded.error || instrument.error) return <ErrorMessage error={loaded.error ?? instrument.error} />;
  if (!a || !instrument.data) return <Loading />;
  const def = instrument.data.definition;
  const link = subjectLink(a.subject);
  const subjectName = a.subject.name ?? t('assessments.hiddenSubject');
  return (
    <div className="page">
      <p className="muted small">
        <Link to="/assessments">{t('assessments.title')}</Link>
      </p>
      <h1>{a.title ?? `${inLang(def.title, lang)}: ${subjectName}`}</h1>
      <p className="muted">
        <Link to={`/instruments/${a.instrument.key}`}>{inLang(def.title, lang)}</Link> ·{' '}
        {t('instruments.version', { n: a.instrument.version })} · {label('subjectType', a.subject.type)}:{' '}
        {link ? <Link to={link}>{subjectName}</Link> : subjectName} · {a.owner_org.name} ·{' '}
        {label('visibility', a.visibility)} ·{' '}
        {t('assessments.updated', { when: formatDateTime(a.updated_at) })}
      </p>
      {canEdit ? (
        <SheetForm
          assessment={a}
          instrument={instrument.data}
          mode="mine"
          me={me}
          prefill={prefill.data}
          onSaved={setAssessment}
        />
      ) : (
        <p className="muted">{t('assessments.readOnly')}</p>
      )}
      {hideOthers && (
        <p className="card" role="note">
          {t('assessments.independent', { n: others })}{' '}
          <button type="button" className="link-button" onClick={() => setRevealed(true)}>
            {t('assessments.showOthers')}
          </button>
        </p>
      )}
      {hideOthers ? null : (
        <>
          {a.assessors.length > 0 && <SideBySide assessment={a} instrument={instrument.data} />}
          {canEdit && a.assessors.length > 0 && (
            <SheetForm
              assessment={a}
              instrument={instrument.data}
              mode="agreed"
              me={me}
              onSaved={setAssessment}
            />
          )}
          <AssessmentResults assessment={a} instrument={instrument.data} />
        </>
      )}
    </div>
  );
}
