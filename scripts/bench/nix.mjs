// Peers for the Nix benchmark (scripts/bench.mjs): the Lezer Nix grammar from
// @replit/codemirror-lang-nix parsing the same files. `parseOnly` times our parser alone.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

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
