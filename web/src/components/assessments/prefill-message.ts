// What Tacit found for a pre-filled question, said in the interface language: the API gives each
// finding as a message key with its values (counts, names, dates) as well as in English.
import type { AssessmentPrefill } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.tsx';

type Message = AssessmentPrefill['items'][number]['message'];

export function prefillMessage(
  message: Message,
  t: Translate,
  formatDate: (iso: string) => string,
  statusLabel: (status: string) => string,
): string {
  const p = message.params;
  const period =
    typeof p.start === 'string'
      ? t('prefill.period', {
          start: formatDate(p.start),
          end: p.end ? formatDate(String(p.end)) : t('project.ongoing'),
        })
      : '';
  return t(`prefill.${message.key}`, {
    ...p,
    period,
    ...(typeof p.status === 'string' ? { status: statusLabel(p.status) } : {}),
  });
}
