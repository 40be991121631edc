// The options `npm run bench -- …` takes beside suite names, read once for every suite:
// `--check` (compare with the budget), `--max N` and `--steps a,b,…` (the scale suite's sizes),
// `--minutes N` (the soak), `--compare REV` and `--rounds N` (before against after).
export interface BenchArgs {
  suites: string[];
  check: boolean;
  max?: number;
  steps?: number[];
  minutes?: number;
  compare?: string;
  rounds: number;
}

/** `100k`, `1M`, `250000`: a count as the options write it. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a count: write 250000, 250k or 1M`);
  const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]!]!;
  return Math.round(Number(m[1]) * scale);
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { suites: [], check: false, rounds: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--check') args.check = true;
    else if (arg === '--max') args.max = parseCount(value());
    else if (arg === '--steps') args.steps = value().split(',').map(parseCount);
    else if (arg === '--minutes') args.minutes = Number(value());
    else if (arg === '--compare') args.compare = value();
    else if (arg === '--rounds') args.rounds = Math.max(1, Number(value()));
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else args.suites.push(arg);
  }
  if (args.minutes !== undefined && !(args.minutes > 0)) throw new Error('--minutes needs a positive number');
  return args;
}

export const benchArgs = parseBenchArgs(process.argv.slice(2));
