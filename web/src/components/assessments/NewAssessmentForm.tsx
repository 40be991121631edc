// Apply an instrument: choose it, what it assesses (a project — planned ones too — an organisation
// or a country, as the instrument allows), who owns the assessment and who may see it (owner-only
// unless shared, with everyone, the network or organisations picked by name). The server checks every choice; its refusal is shown next to the field it names.
import { type FormEvent, useEffect, useState } from 'react';
import { api, getAll } from '../../api/client.ts';
import { useLoad, useWrite } from '../../api/hooks.ts';
import { useReference } from '../../api/reference.tsx';
import { useSession } from '../../api/session.tsx';
import type {
  Assessment,
  InstrumentSummary,
  Organisation,
  Project,
  RecordVisibility,
} from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inLang } from '../../i18n/localised.ts';
import { OrganisationSelect } from '../OrganisationPicker.tsx';
import { ErrorMessage, FieldError } from '../Status.tsx';
import { useEnumLabel } from '../Tags.tsx';
import { VisibilitySelect } from '../VisibilitySelect.tsx';

type SubjectType = 'project' | 'organisation' | 'country';

export function NewAssessmentForm({
  instruments,
  project,
  onCreated,
}: {
  instruments: InstrumentSummary[];
  project: string;
  onCreated(id: string): void;
}) {
  const { t, lang } = useI18n();
  const label = useEnumLabel();
  const session = useSession();
  const { countries } = useReference();
  const writable = session.orgs.filter((o) => o.role === 'admin' || o.role === 'editor');
  const [key, setKey] = useState('');
  const [type, setType] = useState<SubjectType>('project');
  const [subject, setSubject] = useState(project);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [visibility, setVisibility] = useState<RecordVisibility>('owner');
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const chosen = instruments.find((i) => i.key === key) ?? instruments[0];
  const subjects = chosen?.subjects ?? [];
  useEffect(() => {
    if (subjects.length && !subjects.includes(type)) setType(subjects[0]!);
  }, [subjects, type]);
  const projects = useLoad(() => getAll<Project>('/projects'), [session.me?.user_id]);
  const organisations = useLoad(() => getAll<Organisation>('/organisations'), []);

  const { busy, error, run } = useWrite();
  async function create(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    let created: Assessment | undefined;
    const ok = await run(async () => {
      created = await api<Assessment>('POST', '/assessments', {
        instrument: chosen.key,
        subject: type === 'country' ? { type, code: subject } : { type, id: subject },
        ...(title.trim() ? { title } : {}),
        ...(owner || writable.length > 1 ? { owner_org_id: owner || writable[0]?.id } : {}),
        visibility,
        ...(visibility === 'shared' ? { shared_with: sharedWith } : {}),
      });
    });
    if (ok && created) onCreated(created.id);
  }

  const options: { value: string; text: string }[] =
    type === 'project'
      ? (projects.data ?? []).map((p) => ({
          value: p.id,
          text: `${p.title} (${label('projectStatus', p.status)})`,
        }))
      : type === 'organisation'
        ? (organisations.data ?? []).map((o) => ({ value: o.id, text: o.name }))
        : countries.map((c) => ({ value: c.code, text: c.name }));
  return (
    <form className="form card" onSubmit={create} aria-labelledby="new-assessment">
      <h2 id="new-assessment">{t('assessments.new')}</h2>
      <label>
        {t('assessments.instrument')}
        <select value={chosen?.key ?? ''} onChange={(e) => setKey(e.target.value)}>
          {instruments.map((i) => (
            <option key={i.key} value={i.key}>
              {inLang(i.title, lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <label>
          {t('assessments.subjectType')}
          <select
            value={type}
            onChange={(e) => {
              setType(e.target.value as SubjectType);
              setSubject('');
            }}
          >
            {subjects.map((s) => (
              <option key={s} value={s}>
                {label('subjectType', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('assessments.subject')}
          <select
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            aria-describedby="subject-error"
          >
            <option value="">{t('assessments.chooseSubject')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
          <FieldError error={error} field="body.subject.id" id="subject-error" />
          <FieldError error={error} field="body.subject.code" />
        </label>
      </div>
      <label>
        {t('assessments.titleField')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </label>
      <div className="form-row">
        {writable.length > 1 && (
          <OrganisationSelect
            label={t('assessments.owner')}
            orgs={writable}
            value={owner || writable[0]?.id}
            onChange={setOwner}
          />
        )}
        <VisibilitySelect
          label={t('assessments.visibility')}
          value={visibility}
          onChange={setVisibility}
          sharedWith={sharedWith}
          onSharedWith={setSharedWith}
        />
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy || !chosen}>
          {t('assessments.start')}
        </button>
      </div>
    </form>
  );
}
