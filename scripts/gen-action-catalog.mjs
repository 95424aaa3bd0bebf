#!/usr/bin/env node
// Regenerates server/src/languages/workflow/data/actions.json, the offline action catalog, from the
// action metadata files in ../shared/data/actions (action.yml + INDEX.tsv). Only facts are kept:
// input names, whether each is required, its default, whether it is deprecated; output names; the
// runtime (`runs.using`) and the major version the maintainers' README recommends. No descriptions.
// Usage: node scripts/gen-action-catalog.mjs [SOURCE_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The shared folder sits beside the checkout (../shared); a worktree one level deeper looks further up.
const source = path.resolve(
  process.argv[2] ??
    [path.join(root, '..', 'shared', 'data', 'actions'), path.join(root, '..', '..', 'shared', 'data', 'actions')].find(
      (d) => fs.existsSync(path.join(d, 'INDEX.tsv')),
    ) ??
    path.join(root, '..', 'shared', 'data', 'actions'),
);
const out = path.join(root, 'server', 'src', 'languages', 'workflow', 'data', 'actions.json');

const index = fs.readFileSync(path.join(source, 'INDEX.tsv'), 'utf8').trim().split(/\r?\n/);
const header = index.shift().split('\t');
const col = (name) => header.indexOf(name);
const actions = {};
for (const line of index) {
  const cells = line.split('\t');
  const name = cells[col('action')];
  const file = cells[col('file')];
  const meta = parse(fs.readFileSync(path.join(source, file), 'utf8')) ?? {};
  const inputs = {};
  for (const [key, def] of Object.entries(meta.inputs ?? {})) {
    const d = def ?? {};
    const entry = { required: d.required === true || d.required === 'true' };
    if (d.default !== undefined && d.default !== null) {
      const v = typeof d.default === 'string' ? d.default : JSON.stringify(d.default);
      entry.default = v.length <= 120 ? v : `${v.slice(0, 117)}...`;
    }
    if (d.deprecationMessage) entry.deprecated = true;
    inputs[key] = entry;
  }
  const latest = cells[col('latest_major')];
  actions[name] = {
    runtime: cells[col('runs_using')] || meta.runs?.using || '',
    recommended: latest && latest !== '?' ? latest : undefined,
    inputs,
    outputs: Object.keys(meta.outputs ?? {}),
  };
}
const sorted = Object.fromEntries(Object.entries(actions).sort(([a], [b]) => a.localeCompare(b)));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify({ source: 'shared/data/actions (INDEX.tsv + action.yml files)', actions: sorted }, null, 1) + '\n',
);
console.log(`wrote ${Object.keys(sorted).length} actions to ${path.relative(root, out)}`);
