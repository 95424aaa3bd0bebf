// Generates a monorepo of infrastructure files for the CLI benchmark: copies of ../shared/corpus
// under many team folders, each file at its original path (FILES.tsv), workflows under a
// `.github/workflows/` of their project so they are recognised as workflows. Kinds take turns, so
// a tree smaller than the corpus still holds some of each.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes `count` files under `dest` (created); returns the paths written, relative to dest. */
export function generateMonorepo(corpus, dest, count) {
  const rows = fs
    .readFileSync(path.join(corpus, 'FILES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map(([kind, repo, , original, corpusPath]) => ({ kind, repo, original, corpusPath }))
    .filter((r) => fs.existsSync(path.join(corpus, r.corpusPath)));
  const texts = new Map(rows.map((r) => [r.corpusPath, fs.readFileSync(path.join(corpus, r.corpusPath))]));
  // kinds in turns, so that a smaller tree still holds some of each
  const byKind = new Map();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const lists = [...byKind.values()];
  rows.length = 0;
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) rows.push(l[i]);
  const written = [];
  for (let copy = 0; written.length < count; copy++) {
    for (const r of rows) {
      if (written.length >= count) break;
      const project = path.join(`team-${String(copy).padStart(3, '0')}`, r.repo.replace('/', '__'));
      let rel = r.original;
      if (r.kind === 'workflow' && !rel.startsWith('.github/workflows/'))
        rel = path.join('.github', 'workflows', rel.split('/').join('-'));
      const file = path.join(project, rel);
      fs.mkdirSync(path.join(dest, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dest, file), texts.get(r.corpusPath));
      written.push(file);
    }
  }
  return written;
}
