// What is wrong with an uploaded instrument file, located the way its author can find it: sheet,
// row and column for a workbook; line and path for JSON.
import { AppError } from '../server/errors.ts';

export interface FileProblem {
  sheet?: string;
  row?: number;
  column?: string;
  line?: number;
  path?: string;
  reason: string;
}

function where(p: FileProblem): string {
  if (p.sheet)
    return [`sheet "${p.sheet}"`, p.row ? `row ${p.row}` : '', p.column ? `column "${p.column}"` : '']
      .filter(Boolean)
      .join(', ');
  return [p.line ? `line ${p.line}` : '', p.path ? `at ${p.path}` : ''].filter(Boolean).join(', ');
}

export function invalidInstrumentFile(problems: FileProblem[]): AppError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems, listed in details)` : '';
  return new AppError(
    422,
    'invalid_instrument_file',
    `The instrument file is not valid: ${[where(first), first.reason].filter(Boolean).join(': ')}${more}. Correct it and upload it again.`,
    problems.slice(0, 50),
  );
}
