// The digest as an e-mail: plain text, one line per item, each open key action with its own
// signed link to record progress.
import type { Digest, DigestAction } from './digest.service.ts';

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function actionLines(actions: DigestAction[], when: (a: DigestAction) => string, links: Map<string, string>) {
  return actions.flatMap((a) => [
    `- ${shorten(a.text, 200)} (${when(a)}${a.owner ? `; owner: ${a.owner}` : ''})`,
    `  Recommendation: ${shorten(a.recommendation_text, 160)}${a.project_title ? ` [${a.project_title}]` : ''}`,
    `  Record progress (link valid 72 hours, once): ${links.get(`${a.recommendation_id}/${a.action_index}`) ?? ''}`,
  ]);
}

export function composeDigestMail(d: Digest, links: Map<string, string>, publicUrl: string) {
  const counts = [
    d.overdue.length && `${d.overdue.length} overdue`,
    d.due_soon.length && `${d.due_soon.length} due within 14 days`,
    d.stale.length && `${d.stale.length} not updated for 12 months`,
  ].filter(Boolean);
  const lines = [`Tacit digest for ${d.organisation.name}, ${d.as_of}`, ''];
  if (d.overdue.length)
    lines.push(
      `Overdue key actions (${d.overdue.length}):`,
      ...actionLines(d.overdue, (a) => `due ${a.due_on}, ${a.days} days overdue`, links),
      '',
    );
  if (d.due_soon.length)
    lines.push(
      `Key actions due within 14 days (${d.due_soon.length}):`,
      ...actionLines(d.due_soon, (a) => `due ${a.due_on}, in ${a.days} days`, links),
      '',
    );
  if (d.stale.length)
    lines.push(
      `Records not updated for 12 months (${d.stale.length}):`,
      ...d.stale.map((s) => `- ${s.kind}: ${shorten(s.title, 160)} (last updated ${s.updated_at})`),
      '',
    );
  lines.push(
    `Read this digest in Tacit: ${publicUrl}/digest`,
    'To stop these e-mails, turn digests off on that page.',
  );
  return { subject: `Tacit digest for ${d.organisation.name}: ${counts.join(', ')}`, text: lines.join('\n') };
}
