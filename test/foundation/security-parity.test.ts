/**
 * docs-src/parity/security.md (what checkov, trivy, KICS and zizmor check, per kind, and which rule of ours
 * does the same) stays true to the code: every code it names is a registered rule, the "covered / total"
 * table at its top matches the rows, and every security rule of ours is named on the page.
 *
 *   npx tsc -b && node scripts/unit.mjs security-parity
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { languages } from '../../server/src/links';
import { REPO_ROOT } from '../helpers/context';

const PAGE = path.join(REPO_ROOT, 'docs-src', 'parity', 'security.md');
/** Codes of ours (the peers' ids, DS001 or CKV_DOCKER_1, are not matched). */
const OUR_CODE = /\b(?:DF|DI|CP|WF|TD|FL|NX|XF)\d{3}\b|\bDL\d{4}\b/g;
const NONE = '—';

const rules = languages.flatMap((l) => l.rules);
const codes = new Set(rules.map((r) => r.meta.code));

/** The cells of a Markdown table row; a `|` inside a code span does not split. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let code = false;
  for (let i = 1; i < line.length; i++) {
    const ch = line[i];
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  return out;
}

interface Row {
  kind: string;
  peer: string;
  id: string;
  ours: string;
  note: string;
  line: number;
}

interface Page {
  text: string;
  peers: string[];
  /** kind → peer → the cell of the counts table. */
  counts: Map<string, Map<string, string>>;
  rows: Row[];
  /** The `## ` headings, in order. */
  headings: string[];
}

function parse(text: string): Page {
  const lines = text.split('\n');
  const page: Page = { text, peers: [], counts: new Map(), rows: [], headings: [] };
  let heading = '';
  let table: 'counts' | 'checks' | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.startsWith('## ')) {
      heading = line.slice(3).trim();
      page.headings.push(heading);
      table = undefined;
      continue;
    }
    if (!line.startsWith('|')) {
      table = undefined;
      continue;
    }
    const c = cells(line);
    if (/^\|[-| :]+\|$/.test(line)) continue;
    if (!table) {
      if (c[0] === 'kind') {
        table = 'counts';
        page.peers = c.slice(1);
      } else if (c[0] === 'peer' && c[1] === 'id' && c[3] === 'ours') table = 'checks';
      else table = undefined;
      continue;
    }
    if (table === 'counts') page.counts.set(c[0], new Map(page.peers.map((p, i) => [p, c[i + 1]])));
    else page.rows.push({ kind: heading, peer: c[0], id: c[1], ours: c[3], note: c[4] ?? '', line: n + 1 });
  }
  return page;
}

const page = parse(fs.readFileSync(PAGE, 'utf8'));

describe('security parity page', () => {
  it('has a counts table and a section per kind it counts', () => {
    assert.deepEqual(page.peers, ['checkov', 'trivy', 'KICS', 'zizmor']);
    assert.ok(page.counts.size >= 5, 'one row per kind');
    for (const kind of page.counts.keys()) assert.ok(page.headings.includes(kind), `no "## ${kind}" section`);
    for (const r of page.rows) assert.ok(page.counts.has(r.kind), `line ${r.line}: "${r.kind}" is not counted`);
  });

  it('names only registered rules, in the "ours" column and anywhere else', () => {
    const unknown: string[] = [];
    for (const r of page.rows) {
      if (r.ours === NONE) continue;
      assert.match(
        r.ours,
        /^(?:[A-Z]{2}\d{3}|DL\d{4})(?:, (?:[A-Z]{2}\d{3}|DL\d{4}))*$/,
        `line ${r.line}: "ours" is codes separated by ", " or ${NONE}`,
      );
    }
    for (const m of page.text.matchAll(OUR_CODE)) if (!codes.has(m[0])) unknown.push(m[0]);
    assert.deepEqual([...new Set(unknown)], [], 'codes on the page that no rule has');
  });

  it('gives a reason for every check we do not cover, and covers what it calls partly covered', () => {
    for (const r of page.rows) {
      assert.ok(page.peers.includes(r.peer), `line ${r.line}: unknown peer "${r.peer}"`);
      assert.ok(r.id, `line ${r.line}: no id`);
      if (r.ours === NONE) assert.ok(r.note, `line ${r.line}: ${r.peer} ${r.id} is not ours, but no reason is given`);
      if (r.note.startsWith('partly')) assert.notEqual(r.ours, NONE, `line ${r.line}: partly covered by nothing`);
    }
  });

  it('lists each peer check once per kind', () => {
    const seen = new Set<string>();
    for (const r of page.rows) {
      const key = `${r.kind}\0${r.peer}\0${r.id}`;
      assert.ok(!seen.has(key), `line ${r.line}: ${r.peer} ${r.id} twice under ${r.kind}`);
      seen.add(key);
    }
  });

  it('counts at the top match the rows', () => {
    for (const [kind, perPeer] of page.counts)
      for (const peer of page.peers) {
        const rows = page.rows.filter((r) => r.kind === kind && r.peer === peer);
        const covered = rows.filter((r) => r.ours !== NONE).length;
        const want = rows.length ? `${covered}/${rows.length}` : NONE;
        assert.equal(perPeer.get(peer), want, `${kind}, ${peer}`);
      }
  });

  it('names every security rule of ours', () => {
    const named = new Set(page.text.match(OUR_CODE) ?? []);
    const missing = [...new Set(rules.filter((r) => r.meta.security).map((r) => r.meta.code))].filter(
      (c) => !named.has(c),
    );
    assert.deepEqual(missing, [], 'security rules the page does not mention');
  });
});
