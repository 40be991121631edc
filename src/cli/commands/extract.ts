// `tacit extract FILE [--json]`: reads one document and prints its extraction record, without
// touching the database. --json prints the record exactly as the API drafts it, provenance included.
import path from 'node:path';
import type { Command } from 'commander';
import { IngestError } from '../../ingest/errors.ts';
import type { ExtractionResult } from '../../ingest/extract.ts';
import { readInputFile } from '../input.ts';

function summarise(file: string, result: ExtractionResult): string {
  const { record, confidence } = result;
  const lines = [
    `${path.basename(file)}: ${record.kind} (confidence ${result.kindConfidence}), ${result.format}, language ${result.language ?? 'unknown'}${result.encoding ? `, ${result.encoding}` : ''}`,
  ];
  const add = (label: string, value: unknown, field?: string) => {
    if (value === undefined || (Array.isArray(value) && !value.length)) return;
    const c = field && confidence[field] !== undefined ? `  [${confidence[field]}]` : '';
    lines.push(`  ${label.padEnd(16)} ${String(value)}${c}`);
  };
  add('Title', record.title, 'title');
  add('Project code', record.project_code, 'project_code');
  add('Countries', record.countries?.join(', '), 'countries');
  add('Regions', record.regions?.join(', '), 'regions');
  if (record.period)
    add(
      'Period',
      `${record.period.start ?? '?'} – ${record.period.ongoing ? 'ongoing' : (record.period.end ?? '?')}`,
      'period',
    );
  add('Date', record.date, 'date');
  add('Place', record.place, 'place');
  add(
    'Organisations',
    record.organisations
      ?.map((o) => `${o.name}${o.acronym ? ` (${o.acronym})` : ''}${o.role ? ` – ${o.role}` : ''}`)
      .join('; '),
    'organisations',
  );
  add('People', record.people?.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; '), 'people');
  add(
    'Budget',
    record.budget
      ?.map((b) => `${b.currency} ${b.amount.toLocaleString('en')}${b.category ? ` ${b.category}` : ''}`)
      .join('; '),
    'budget',
  );
  for (const o of record.outputs ?? [])
    add(`Output ${o.number ?? ''}`.trim(), `${o.score ?? '–'}  ${o.title}`);
  if (record.outcome)
    add('Outcome', `${record.outcome.score ?? '–'}  ${record.outcome.statement ?? ''}`, 'outcome');
  add('Risk', record.risk_rating, 'risk_rating');
  add(
    'Score history',
    record.score_history?.map((s) => `${s.period} ${s.score ?? '–'}/${s.risk ?? '–'}`).join('; '),
    'score_history',
  );
  const ev = record.evaluation;
  if (ev) {
    add(
      'Evaluation',
      [ev.type, ev.independent ? 'independent' : ev.independent === false ? 'internal' : '']
        .filter(Boolean)
        .join(', '),
    );
    add('Team', ev.team?.join('; '));
    add('Methods', ev.methods?.join(', '));
    add('Field missions', ev.field_missions?.join(', '));
    if (ev.stakeholders)
      add(
        'Stakeholders',
        `${ev.stakeholders.total ?? '?'} (${ev.stakeholders.female ?? '?'} female, ${ev.stakeholders.male ?? '?'} male)`,
      );
  }
  add('Findings', record.findings?.map((f) => f.criterion).join(', '), 'findings');
  add('Progress', record.progress?.length ? `${record.progress.length} paragraphs` : undefined, 'progress');
  add(
    'Recommendations',
    record.recommendations?.length ? `${record.recommendations.length}` : undefined,
    'recommendations',
  );
  for (const r of record.recommendations ?? [])
    lines.push(
      `    ${r.number ?? '-'}${r.country ? ` [${r.country}]` : ''}${r.category ? ` ${r.category}:` : ''} ${r.text.slice(0, 90)}${r.text.length > 90 ? '…' : ''}`,
    );
  add('Lessons', record.lessons?.length ? `${record.lessons.length}` : undefined, 'lessons');
  add(
    'Projects',
    record.projects_mentioned
      ?.map((p) => (p.period ? `${p.name} (${p.period.start}–${p.period.end})` : p.name))
      .join('; '),
    'projects_mentioned',
  );
  add('Figures', record.figures?.map((f) => `${f.value} ${f.unit}`).join('; '), 'figures');
  add('Instruments', record.instruments_mentioned?.join('; '), 'instruments_mentioned');
  for (const [label, lists, field] of [
    ['Checklist', record.checklists, 'checklists'],
    ['Principles', record.principles, 'principles'],
  ] as const) {
    for (const list of lists ?? []) {
      add(label, `${list.name}${list.paragraph ? ` (paragraph ${list.paragraph})` : ''}`, field);
      for (const item of list.items) lines.push(`    ${item.number ?? '-'} ${item.text}`);
    }
  }
  add('Themes', record.themes?.join(', '), 'themes');
  return lines.join('\n');
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'Read a document (.txt, .md, .html, .docx, .pdf) and print what Tacit extracts from it: kind, title, countries, organisations, scores, recommendations… Does not touch the database.',
    )
    .argument('<file>', 'the document to read')
    .option(
      '--json',
      'print the extraction record as JSON, with provenance spans: the same record the API keeps for an uploaded document (GET /api/v1/documents/{id}/extraction)',
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const bytes = readInputFile(file, ' To read every document in a directory, use tacit import.');
      try {
        const { extractDocument } = await import('../../ingest/extract.ts');
        const result = await extractDocument({ bytes, filename: path.basename(file) });
        console.log(opts.json ? JSON.stringify(result.record, null, 2) : summarise(file, result));
      } catch (err) {
        if (err instanceof IngestError) throw new Error(`${err.code}: ${err.message}`);
        throw err;
      }
    });
}
