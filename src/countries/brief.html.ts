// The country brief as a printable HTML page: plain markup, every value escaped, laid out for A4
// portrait (long titles wrap, figures stay on one line), in the reader's language (headings, theme
// labels, numbers), with the same budgets as the page: "—" where none is recorded, never 0.
import { vocabularies } from '../reference/vocabularies.ts';
import type { BriefLanguage, CountryBrief } from './brief.service.ts';

const WORDS = {
  en: {
    title: 'Country brief',
    from: 'Country brief from Tacit',
    generated: 'generated',
    budgetsIn: 'budgets in',
    activeProjectsCount: 'active projects',
    totalBudget: 'total budget',
    byTheme: 'Active assistance by theme',
    byDonor: 'Active assistance by donor',
    projects: 'Active projects',
    overlaps: 'Overlaps between active projects',
    concentration: 'Concentration',
    gaps: 'Gaps',
    recommendations: 'Open recommendations',
    lessons: 'Recurring lessons',
    theme: 'Theme',
    donor: 'Donor',
    donors: 'Donors',
    project: 'Project',
    status: 'Status',
    period: 'Period',
    budget: 'Budget',
    count: 'Projects',
    shared: 'Shared themes',
    hhi: 'Herfindahl index',
    assistance: 'Active assistance',
    none: 'none',
    little: 'little',
    recommendation: 'Recommendation',
    due: 'Next due',
    lesson: 'Lesson',
    similar: 'Similar lessons in other projects',
    ongoing: 'ongoing',
    nothing: 'None recorded.',
  },
  es: {
    title: 'Informe de país',
    from: 'Informe de país de Tacit',
    generated: 'generado el',
    budgetsIn: 'presupuestos en',
    activeProjectsCount: 'proyectos activos',
    totalBudget: 'presupuesto total',
    byTheme: 'Asistencia activa por tema',
    byDonor: 'Asistencia activa por donante',
    projects: 'Proyectos activos',
    overlaps: 'Solapamientos entre proyectos activos',
    concentration: 'Concentración',
    gaps: 'Vacíos',
    recommendations: 'Recomendaciones abiertas',
    lessons: 'Lecciones recurrentes',
    theme: 'Tema',
    donor: 'Donante',
    donors: 'Donantes',
    project: 'Proyecto',
    status: 'Estado',
    period: 'Período',
    budget: 'Presupuesto',
    count: 'Proyectos',
    shared: 'Temas compartidos',
    hhi: 'Índice de Herfindahl',
    assistance: 'Asistencia activa',
    none: 'ninguna',
    little: 'poca',
    recommendation: 'Recomendación',
    due: 'Próximo vencimiento',
    lesson: 'Lección',
    similar: 'Lecciones similares en otros proyectos',
    ongoing: 'en curso',
    nothing: 'Nada registrado.',
  },
  fr: {
    title: 'Fiche pays',
    from: 'Fiche pays de Tacit',
    generated: 'générée le',
    budgetsIn: 'budgets en',
    activeProjectsCount: 'projets actifs',
    totalBudget: 'budget total',
    byTheme: 'Assistance active par thème',
    byDonor: 'Assistance active par bailleur',
    projects: 'Projets actifs',
    overlaps: 'Chevauchements entre projets actifs',
    concentration: 'Concentration',
    gaps: 'Lacunes',
    recommendations: 'Recommandations ouvertes',
    lessons: 'Enseignements récurrents',
    theme: 'Thème',
    donor: 'Bailleur',
    donors: 'Bailleurs',
    project: 'Projet',
    status: 'Statut',
    period: 'Période',
    budget: 'Budget',
    count: 'Projets',
    shared: 'Thèmes communs',
    hhi: 'Indice de Herfindahl',
    assistance: 'Assistance active',
    none: 'aucune',
    little: 'faible',
    recommendation: 'Recommandation',
    due: 'Prochaine échéance',
    lesson: 'Enseignement',
    similar: 'Enseignements similaires dans d’autres projets',
    ongoing: 'en cours',
    nothing: 'Rien d’enregistré.',
  },
} satisfies Record<BriefLanguage, Record<string, string>>;

const LOCALES: Record<BriefLanguage, string> = { en: 'en-GB', es: 'es', fr: 'fr' };

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** A cell; `num` keeps figures on one line and right-aligned, text wraps. */
interface Cell {
  text: unknown;
  num?: boolean;
}
const num = (text: unknown): Cell => ({ text, num: true });

function table(head: Cell[], rows: (Cell | string)[][], nothing: string): string {
  if (!rows.length) return `<p class="none">${esc(nothing)}</p>`;
  const cell = (tag: 'th' | 'td', c: Cell | string) => {
    const { text, num: isNum } = typeof c === 'string' ? { text: c, num: false } : c;
    return `<${tag}${isNum ? ' class="num"' : ''}>${esc(text)}</${tag}>`;
  };
  return `<table><thead><tr>${head.map((h) => cell('th', h)).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderCountryBrief(b: CountryBrief): string {
  const lang = b.language;
  const w = WORDS[lang];
  const numbers = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
  const money = (n: number | null) => (n === null ? '—' : `${b.currency} ${numbers.format(n)}`);
  const themeLabel = (slug: string) => vocabularies.themes().get(slug)?.labels[lang] ?? slug;
  const name = b.country.names[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(w.title)}: ${esc(name)} — Tacit</title>
<style>
  @page { size: A4 portrait; margin: 15mm; }
  * { box-sizing: border-box; }
  body { font: 10pt/1.4 system-ui, sans-serif; max-width: 180mm; margin: 1rem auto; padding: 0 .5rem; color: #111; }
  h1 { margin-bottom: 0; } h2 { font-size: 12pt; margin: 1.2rem 0 .3rem; } .meta { color: #555; margin-top: .25rem; }
  table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
  th, td { border-bottom: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  .num { text-align: right; white-space: nowrap; overflow-wrap: normal; } .none { color: #555; font-style: italic; }
  @media print { body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style></head><body>
<h1>${esc(name)}</h1>
<p class="meta">${esc(w.from)} · ${esc(w.generated)} ${esc(b.generated_at.slice(0, 10))} · ${esc(w.budgetsIn)} ${esc(b.currency)}</p>
<p><strong>${esc(numbers.format(b.active.projects.length))}</strong> ${esc(w.activeProjectsCount)} · ${esc(w.totalBudget)}: <strong>${esc(money(b.active.budget))}</strong></p>
<h2>${esc(w.byTheme)}</h2>
${table(
  [{ text: w.theme }, num(w.count), num(w.budget)],
  b.active.by_theme.map((t) => [t.label, num(t.projects), num(money(t.budget))]),
  w.nothing,
)}
<h2>${esc(w.byDonor)}</h2>
${table(
  [{ text: w.donor }, num(w.count), num(w.budget)],
  b.active.by_donor.map((d) => [d.name, num(d.projects), num(money(d.budget))]),
  w.nothing,
)}
<h2>${esc(w.projects)}</h2>
${table(
  [{ text: w.project }, { text: w.period }, { text: w.donors }, num(w.budget)],
  b.active.projects.map((p) => [
    p.title,
    `${p.start ?? '?'} – ${p.ongoing ? w.ongoing : (p.end ?? '?')}`,
    p.donors.map((d) => d.name).join(', '),
    num(money(p.budget)),
  ]),
  w.nothing,
)}
<h2>${esc(w.overlaps)}</h2>
${table(
  [{ text: w.project }, { text: w.project }, { text: w.shared }],
  b.overlaps.map((o) => [o.a.title, o.b.title, o.themes.map(themeLabel).join(', ')]),
  w.nothing,
)}
<h2>${esc(w.concentration)}</h2>
${table(
  [{ text: w.theme }, num(w.count), num(w.donors), num(w.hhi)],
  b.concentration.map((t) => [t.label, num(t.projects), num(t.donors), num(t.hhi ?? '—')]),
  w.nothing,
)}
<h2>${esc(w.gaps)}</h2>
${table(
  [{ text: w.theme }, { text: w.assistance }],
  b.gaps.map((g) => [g.label, g.gap === 'none' ? w.none : w.little]),
  w.nothing,
)}
<h2>${esc(w.recommendations)} (${esc(numbers.format(b.open_recommendations.length))})</h2>
${table(
  [{ text: w.recommendation }, { text: w.project }, num(w.due)],
  b.open_recommendations.map((r) => [r.text, r.project_title ?? '', num(r.next_due ?? '')]),
  w.nothing,
)}
<h2>${esc(w.lessons)}</h2>
${table(
  [{ text: w.lesson }, { text: w.project }, num(w.similar)],
  b.recurring_lessons.map((l) => [l.text, l.project_title ?? '', num(l.recurs_in)]),
  w.nothing,
)}
</body></html>`;
}
