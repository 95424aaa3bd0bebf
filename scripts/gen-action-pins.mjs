// Regenerates server/src/languages/workflow/data/action-pins.json from ../shared/data/actions/INDEX.tsv: for each
// action of the offline catalog, the commit its metadata was read from (the head of its default branch then) and the
// major version its README recommends. WF105 (action-not-pinned-to-sha) offers that commit as a pin.
// --check: exit 1 when the committed file differs from what would be generated (npm run refresh-data -- --check).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsDate } from './lib/provenance.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');
const index = path.resolve(root, '..', 'shared', 'data', 'actions', 'INDEX.tsv');
if (!fs.existsSync(index)) {
  console.error(`skip: action index not found: ${index}`);
  process.exit(0);
}
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
// `date`: the day these facts last changed (kept from the committed file while they stay the same).
const facts = { source: 'shared/data/actions/INDEX.tsv', actions: sorted };
const text = `${JSON.stringify({ source: facts.source, date: factsDate(out, facts), actions: sorted }, null, 1)}\n`;
if (check) {
  if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) {
    console.error(`${path.relative(root, out)} is stale: run node scripts/gen-action-pins.mjs`);
    process.exit(1);
  }
  console.log('action-pins.json is up to date');
  process.exit(0);
}
fs.writeFileSync(out, text);
console.log(`${Object.keys(sorted).length} actions -> ${path.relative(root, out)}`);
