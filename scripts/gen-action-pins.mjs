// Regenerates server/src/languages/workflow/data/action-pins.json from ../shared/data/actions/INDEX.tsv: for each
// action of the offline catalog, the commit its metadata was read from (the head of its default branch then) and the
// major version its README recommends. WF105 (action-not-pinned-to-sha) offers that commit as a pin.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const index = path.resolve(root, '..', 'shared', 'data', 'actions', 'INDEX.tsv');
const out = path.join(root, 'server', 'src', 'languages', 'workflow', 'data', 'action-pins.json');
const [head, ...rows] = fs.readFileSync(index, 'utf8').trim().split(/\r?\n/);
const cols = head.split('\t');
const pins = {};
for (const row of rows) {
  const r = Object.fromEntries(row.split('\t').map((v, i) => [cols[i], v]));
  if (!/^[0-9a-f]{40}$/.test(r.commit)) continue;
  pins[r.action] = { commit: r.commit, major: /^v\d+$/.test(r.latest_major) ? r.latest_major : null };
}
const sorted = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(out, `${JSON.stringify({ source: 'shared/data/actions/INDEX.tsv', actions: sorted }, null, 1)}\n`);
console.log(`${Object.keys(sorted).length} actions -> ${path.relative(root, out)}`);
