// Peers for the Nix benchmark (scripts/bench.mjs): the Lezer Nix grammar from
// @replit/codemirror-lang-nix parsing the same files. `parseOnly` times our parser alone.
// Both are timed in a worker thread of their own (scripts/bench/isolate.mjs says why): the ratio between them is
// the parse-only comparison; the service row beside them runs in the main thread.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Run these peers in a fresh isolate (scripts/bench/isolate.mjs). */
export const isolate = true;

export const peers = [
  {
    name: 'lezer-nix (@replit/codemirror-lang-nix, parse only)',
    load: async () => {
      const { parser } = await import('@replit/codemirror-lang-nix');
      return (text) => {
        parser.parse(text);
      };
    },
  },
  {
    name: 'shipshape nix parser (parse only)',
    load: async () => parseOnly(),
  },
];

/** Our parser alone (lexer + parser + Nix's tree errors), from the compiled output. */
export async function parseOnly() {
  const { parse } = require(path.join(root, 'out/server/src/languages/nix/parser.js'));
  return (text) => {
    parse(text);
  };
}
