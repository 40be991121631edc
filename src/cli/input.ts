// What the commands check before they open the database: numbers given as options, files and
// directories to read, a file to write. Each failure is one sentence that names the argument and
// says what to give instead, never a stack trace or a bare ENOENT.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

/** An error the command reports as `tacit: <message>` and ends with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A commander option parser for a whole number in [min, max]; `example` is shown when it is not one. */
export function wholeNumber(min: number, max: number, example: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`Give a whole number from ${min} to ${max}, e.g. ${example}.`);
    return n;
  };
}

/** Why a file operation on `file` failed, in words (undefined when the error is not the file's). */
export function describeFileError(err: unknown, file: string): string | undefined {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return `No file or directory at ${file}.`;
    case 'ENOTDIR':
      return `${file} is not a path to a file: one of its parent directories is a file.`;
    case 'EISDIR':
      return `${file} is a directory; give a file.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied for ${file}.`;
    default:
      return undefined;
  }
}

function statOrFail(file: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (err) {
    throw new CliError(describeFileError(err, file) ?? `Cannot read ${file}: ${(err as Error).message}`);
  }
}

/** Files and directories a command reads: each must exist and be readable. */
export function checkInputPaths(paths: string[]): void {
  for (const p of paths) {
    statOrFail(p);
    try {
      fs.accessSync(p, fs.constants.R_OK);
    } catch (err) {
      throw new CliError(describeFileError(err, p) ?? `Cannot read ${p}.`);
    }
  }
}

/** One file a command reads whole: it must exist and not be a directory. */
export function readInputFile(file: string, hint = ''): Buffer {
  if (statOrFail(file).isDirectory()) throw new CliError(`${file} is a directory; give one file.${hint}`);
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new CliError(describeFileError(err, file) ?? `Cannot read ${file}: ${(err as Error).message}`);
  }
}

/**
 * Checks that `file` can be written before anything is done: its directory exists and it is not
 * a directory itself. The file is not created here, so a refused command leaves nothing behind.
 */
export function checkOutputFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new CliError(`Cannot write ${file}: the directory ${dir} does not exist. Create it first.`);
  }
  if (!dirStat.isDirectory()) throw new CliError(`Cannot write ${file}: ${dir} is not a directory.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory())
    throw new CliError(`Cannot write ${file}: it is a directory; give a file name.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new CliError(`Cannot write ${file}: permission denied in ${dir}.`);
  }
}
