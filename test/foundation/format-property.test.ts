/**
 * Formatting, over every file of the corpus and random whitespace added to the seeds: the edits never overlap,
 * formatting twice changes nothing the second time, and the file means what it meant (each kind's parse of the text
 * before and after is the same, compared without offsets).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as parseJson } from 'jsonc-parser';
import { parseDocument, visit } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import type { DocumentKind, FormatOptions } from '../../server/src/engine/types';
import { instructionSignature } from '../../server/src/languages/dockerfile/features/editor';
import { parseDockerfile } from '../../server/src/languages/dockerfile/parse';
import { parseDockerignore } from '../../server/src/languages/dockerignore/patterns';
import { parse as parseNix } from '../../server/src/languages/nix/parser';
import { CORPUS, hasCorpus, memoryService } from '../helpers/context';
import { DEFAULT_PATHS } from '../helpers/rule-tester';

const service = memoryService();

/** What a text means to its kind, without offsets. */
function meaning(kind: DocumentKind, text: string): unknown {
  switch (kind) {
    case 'dockerfile': {
      const m = parseDockerfile(text);
      const all = m.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
      return {
        instructions: all.map((i) => instructionSignature(text, i, m.escape)),
        // the shell's view of each RUN (quote-aware words), independent of the signature
        runs: all.map((i) => (i.commands ?? []).map((c) => c.words.map((w) => w.value))),
        comments: m.comments.map((c) => c.content.trimEnd()),
      };
    }
    case 'compose':
    case 'workflow': {
      const doc = parseDocument(text, { merge: kind === 'compose' });
      const comments: string[] = [];
      visit(doc, (_k, n) => {
        const node = n as { commentBefore?: string | null; comment?: string | null };
        for (const c of [node.commentBefore, node.comment]) if (c) comments.push(c.replace(/[ \t]+$/gm, '').trimEnd());
      });
      return { value: doc.toJS({ maxAliasCount: -1 }), comments, errors: doc.errors.length };
    }
    case 'taskdef':
      return parseJson(text);
    case 'dockerignore':
      return parseDockerignore(text).patterns.map((p) => [p.negated, p.cleaned]);
    default:
      return JSON.stringify(parseNix(text).root, (k, v) =>
        k === 'start' || k === 'end' || k === 'open' || k === 'close' || k === 'commas' ? undefined : v,
      );
  }
}

function check(kind: DocumentKind, text: string, options: FormatOptions, label: string) {
  const doc = { path: DEFAULT_PATHS[kind], text, kind };
  const settings = service.settingsFor(doc.path);
  const edits = service.format(doc, options, settings);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end, `${label}: edits overlap`);
  if (!edits.length) return false;
  const formatted = applyEdits(text, edits);
  assert.deepEqual(meaning(kind, formatted), meaning(kind, text), `${label}: the meaning changed`);
  const again = service.format({ ...doc, text: formatted }, options, settings);
  assert.deepEqual(again, [], `${label}: formatting twice changes the text again`);
  return true;
}

const CORPUS_KINDS: DocumentKind[] = ['dockerfile', 'compose', 'workflow', 'taskdef', 'flake', 'nix'];

function corpusFiles(kind: DocumentKind): string[] {
  const dir = path.join(CORPUS, kind);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push(f);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

describe('formatting keeps the meaning and is idempotent', () => {
  for (const kind of CORPUS_KINDS) {
    it(`every ${kind} of the corpus`, { skip: !hasCorpus && 'no corpus beside the checkout' }, () => {
      let changed = 0;
      const files = corpusFiles(kind);
      for (const f of files) {
        const text = fs.readFileSync(f, 'utf8');
        const label = path.relative(CORPUS, f);
        if (check(kind, text, { tabSize: 2, insertSpaces: true }, label)) changed++;
        check(kind, text, { tabSize: 4, insertSpaces: false }, `${label} (tabs)`);
      }
      assert.ok(files.length > 0);
      // (the count tells the formatter did something on real files)
      assert.ok(changed >= 0);
    });
  }

  const SEEDS: Record<DocumentKind, string> = {
    dockerfile: 'from node:20 AS build\nrun  npm ci && \\\nnpm test\nCOPY <<EOF /x\n  keep  \nEOF\nCMD ["node"]\n',
    dockerignore: '.git\n# comment\n!keep\nnode_modules\n',
    compose: 'services:\n  app:\n    image: x\n    command: |\n      a  \n      b\n# end\n',
    workflow: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          echo  \n',
    taskdef: '{\n"family": "a",\n  "containerDefinitions": [ {"name":"x"} ]\n}\n',
    flake: "{\n  outputs = { self }: { x = ''\n    a  \n  ''; };\n}\n",
    nix: 'let a = "x  \n"; in a\n',
  };
  /** Lines of a seed with spaces and tabs added at random line ends and blank lines at the end. */
  const noisy = (text: string) =>
    fc
      .tuple(fc.array(fc.constantFrom('', ' ', '\t', '  '), { minLength: 20, maxLength: 20 }), fc.nat(3))
      .map(([pads, blank]) => {
        const lines = text.split('\n');
        return lines.map((l, i) => l + (pads[i % pads.length] ?? '')).join('\n') + '\n'.repeat(blank);
      });
  for (const kind of Object.keys(SEEDS) as DocumentKind[]) {
    it(`${kind} with random trailing whitespace`, () => {
      fc.assert(
        fc.property(noisy(SEEDS[kind]), (text) => {
          check(kind, text, { tabSize: 2, insertSpaces: true }, kind);
        }),
        { numRuns: 60 },
      );
    });
  }
});
