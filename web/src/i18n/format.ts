// Messages with parameters and plurals: "{name}" is replaced by its value, and
// "{n, plural, one {# project} other {# projects}}" picks the branch the language's plural rules
// give for n (French says "0 projet", "1 projet"; Spanish and English "0 proyectos", "0 projects"),
// with # as n in the reader's number format. A small subset of ICU MessageFormat, the part the
// interface needs.

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export function formatMessage(
  template: string,
  params: Record<string, string | number> | undefined,
  lang: string,
  formatNumber: (n: number) => string = (n) => new Intl.NumberFormat(lang).format(n),
): string {
  const rules = new Intl.PluralRules(lang);
  const withPlurals = template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params?.[name];
    if (typeof value !== 'number') return whole;
    const branches = new Map([...body.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!]));
    const chosen =
      branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get('other') ?? '';
    return chosen.replace(/#/g, formatNumber(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}
