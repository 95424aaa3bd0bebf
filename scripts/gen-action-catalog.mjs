#!/usr/bin/env node
// Regenerates server/src/languages/workflow/data/actions.json, the offline action catalog, from the
// action metadata files in ../shared/data/actions (action.yml + INDEX.tsv). Only facts are kept:
// input names, whether each is required, its default, whether it is deprecated; output names; the
// runtime (`runs.using`) and the major version the maintainers' README recommends. No descriptions.
// Usage: node scripts/gen-action-catalog.mjs [SOURCE_DIR] [--check]
//   --check: exit 1 when the committed file differs from what would be generated (2 when the source is absent).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { factsDate } from './lib/provenance.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The shared folder sits beside the checkout (../shared); a worktree one level deeper looks further up.
const args = process.argv.slice(2);
const check = args.includes('--check');
const source = path.resolve(
  args.find((a) => !a.startsWith('--')) ??
    [path.join(root, '..', 'shared', 'data', 'actions'), path.join(root, '..', '..', 'shared', 'data', 'actions')].find(
      (d) => fs.existsSync(path.join(d, 'INDEX.tsv')),
    ) ??
    path.join(root, '..', 'shared', 'data', 'actions'),
);
const out = path.join(root, 'server', 'src', 'languages', 'workflow', 'data', 'actions.json');

if (!fs.existsSync(path.join(source, 'INDEX.tsv'))) {
  console.error(`action metadata not found: ${source}`);
  process.exit(2);
}
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
// `date`: the day these facts last changed (kept from the committed file while they stay the same); the findings that
// depend on the catalog's age (WF013) say it in their doc page.
const facts = { source: 'shared/data/actions (INDEX.tsv + action.yml files)', actions: sorted };
const { source: src, ...rest } = facts;
const text = JSON.stringify({ source: src, date: factsDate(out, facts), ...rest }, null, 1) + '\n';
if (check) {
  if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) {
    console.error(`${path.relative(root, out)} is stale: run node scripts/gen-action-catalog.mjs`);
    process.exit(1);
  }
  console.log('actions.json is up to date');
  process.exit(0);
}
fs.writeFileSync(out, text);
console.log(`wrote ${Object.keys(sorted).length} actions to ${path.relative(root, out)}`);
