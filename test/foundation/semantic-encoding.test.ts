// The LSP encoding of semantic tokens: relative lines and characters, one line per token, legend indexes and bits.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SEMANTIC_LEGEND, toSemanticTokens } from '../../server/src/lsp/convert';
import { LineIndex } from '../../server/src/text/lines';

it('encodes tokens relative to the previous one and splits a token across lines', () => {
  const text = 'ab cd\nefg\nh\r\nij';
  const type = (t: string) => SEMANTIC_LEGEND.tokenTypes.indexOf(t);
  const { data } = toSemanticTokens(
    [
      { start: 0, end: 2, type: 'variable' },
      { start: 3, end: 5, type: 'property', modifiers: ['declaration', 'defaultLibrary'] },
      // `efg\nh` spans two lines
      { start: 6, end: 11, type: 'string' },
      { start: 14, end: 15, type: 'number' },
    ],
    new LineIndex(text),
  );
  assert.deepEqual(data, [
    ...[0, 0, 2, type('variable'), 0],
    ...[0, 3, 2, type('property'), 0b101],
    ...[1, 0, 3, type('string'), 0],
    ...[1, 0, 1, type('string'), 0],
    ...[1, 1, 1, type('number'), 0],
  ]);
});
