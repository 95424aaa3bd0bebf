/**
 * Where a generated data file's facts come from, and when: every generator stamps its output with `source` (what was
 * read, down to the commit or version) and `date` (YYYY-MM-DD). The date is the source's own date when the source
 * states one (a commit date in ../shared/data/schemas/README.md); otherwise it is the day the facts last changed: the
 * committed file's date is kept while the generated facts stay the same, so running a generator twice changes
 * nothing, and `--check` (the drift tests) compares whole files, date included.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The shared folder sits beside the checkout (or beside the worktrees' folder): `<shared>/<rel>`, or undefined. */
export function sharedPath(root, rel) {
  for (let dir = root, i = 0; i < 4; i++, dir = dirname(dir)) {
    const p = resolve(dir, '..', 'shared', rel);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * The commit and date the shared schemas README gives for one of its files ("copied unchanged from <repo>
 * (`<path>`, commit <sha>, <YYYY-MM-DD>, ...)"), or undefined when the README does not say.
 */
export function schemaProvenance(schemaFile) {
  const readme = resolve(dirname(schemaFile), 'README.md');
  if (!existsSync(readme)) return undefined;
  const name = schemaFile.slice(schemaFile.lastIndexOf('/') + 1);
  // The README's entry for the file: from "- `name`" to the next "- `" entry.
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(`- \`${name}\``);
  if (start < 0) return undefined;
  const next = text.indexOf('\n- `', start + 1);
  const entry = text.slice(start, next < 0 ? undefined : next).replace(/\s+/g, ' ');
  const m = /copied unchanged from ([\w.-]+\/[\w.-]+) \(`([^`]+)`, commit ([0-9a-f]{7,40}), (\d{4}-\d{2}-\d{2})/.exec(
    entry,
  );
  return m ? { repo: m[1], path: m[2], commit: m[3], date: m[4] } : undefined;
}

/** Today, UTC, as YYYY-MM-DD. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The date to stamp on a generated JSON file whose facts are `facts` (the object without its `date`): the committed
 * file's date when its facts are the same, else today. `ignore`: members that are not facts (a `source` naming a
 * newer release whose facts are the same keeps the date).
 */
export function factsDate(outPath, facts, { ignore = [] } = {}) {
  if (!existsSync(outPath)) return today();
  try {
    const { date, ...before } = JSON.parse(readFileSync(outPath, 'utf8'));
    const strip = (o) => JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k]) => !ignore.includes(k))));
    if (strip(before) !== strip(facts)) return today();
    // A file from before the stamps: its last commit is when its facts last changed.
    return typeof date === 'string' ? date : (lastCommitDate(outPath) ?? today());
  } catch {
    return today();
  }
}

/** The day of the last commit that touched a file (YYYY-MM-DD), when git knows it. */
export function lastCommitDate(file) {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], {
      cwd: dirname(file),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** The same for a generated text file that carries its date on a `// ... date: YYYY-MM-DD` line. */
export function textDate(outPath, text, datePattern = /\b(\d{4}-\d{2}-\d{2})\b/) {
  if (!existsSync(outPath)) return today();
  const before = readFileSync(outPath, 'utf8');
  const m = datePattern.exec(before);
  if (!m) return today();
  return before === text.replaceAll('{{DATE}}', m[1]) ? m[1] : today();
}
