// The country brief as a printable HTML page: plain markup and print styles, every value escaped.
import type { CountryBrief } from './brief.service.ts';

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
const money = (n: number, currency: string) => `${currency} ${Math.round(n).toLocaleString('en-GB')}`;

function table(head: string[], rows: unknown[][]): string {
  if (!rows.length) return '<p class="none">None recorded.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderCountryBrief(b: CountryBrief): string {
  const c = b.currency;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Country brief: ${esc(b.country.name)} — Tacit</title>
<style>
  body { font: 11pt/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
  h1 { margin-bottom: 0; } .meta { color: #555; margin-top: .25rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
  th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  td:nth-child(n+2) { white-space: nowrap; } .none { color: #555; font-style: italic; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style></head><body>
<h1>${esc(b.country.name)}</h1>
<p class="meta">Country brief from Tacit · ${esc(b.country.names.es)} · ${esc(b.country.names.fr)} · generated ${esc(b.generated_at.slice(0, 10))} · budgets in ${esc(c)}</p>
<h2>Active assistance by theme</h2>
${table(
  ['Theme', 'Projects', 'Budget'],
  b.active.by_theme.map((t) => [t.label, t.projects, money(t.budget, c)]),
)}
<h2>Active assistance by donor</h2>
${table(
  ['Donor', 'Projects', 'Budget'],
  b.active.by_donor.map((d) => [d.name, d.projects, money(d.budget, c)]),
)}
<h2>Active projects</h2>
${table(
  ['Project', 'Status', 'Period', 'Donors', 'Budget'],
  b.active.projects.map((p) => [
    p.title,
    p.status,
    `${p.start ?? '?'} – ${p.ongoing ? 'ongoing' : (p.end ?? '?')}`,
    p.donors.map((d) => d.name).join(', '),
    p.budget === null ? '' : money(p.budget, c),
  ]),
)}
<h2>Overlaps between active projects</h2>
${table(
  ['Project', 'Project', 'Shared themes'],
  b.overlaps.map((o) => [o.a.title, o.b.title, o.themes.join(', ')]),
)}
<h2>Concentration</h2>
${table(
  ['Theme', 'Projects', 'Donors', 'Herfindahl index'],
  b.concentration.map((t) => [t.label, t.projects, t.donors, t.hhi ?? '']),
)}
<h2>Gaps</h2>
${table(
  ['Theme', 'Active assistance'],
  b.gaps.map((g) => [g.label, g.gap === 'none' ? 'none' : 'little']),
)}
<h2>Open recommendations</h2>
${table(
  ['Recommendation', 'Project', 'Status', 'Next due'],
  b.open_recommendations.map((r) => [r.text, r.project_title ?? '', r.status, r.next_due ?? '']),
)}
<h2>Recurring lessons</h2>
${table(
  ['Lesson', 'Project', 'Similar lessons in other projects'],
  b.recurring_lessons.map((l) => [l.text, l.project_title ?? '', l.recurs_in]),
)}
</body></html>`;
}
