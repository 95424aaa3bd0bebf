import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX006',
    id: 'deprecated-url-literal',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'warning',
    fixable: 'safe',
    description: 'An unquoted URL literal.',
    messages: { url: 'Unquoted URLs are deprecated; write "{{url}}" as a string.' },
    docs: {
      severity:
        'A real risk: deprecated, and rejected wherever the `no-url-literals` setting is on (nixpkgs enforces ' +
        'it).',
      rationale:
        'Nix reads `https://example.org` without quotes as a string, a feature ' +
        'that is deprecated (RFC 45) and can be turned into an error (`no-url-literals`). It also ' +
        'hides typos: `x:x` is a URL, not a function. Quoting it means the same thing.',
      incorrect: '{ src = https://example.org/foo.tar.gz; }\n',
      correct: '{ src = "https://example.org/foo.tar.gz"; }\n',
      peers: ['nix no-url-literals experimental feature', 'nixpkgs-lint', 'nil uri_literal'],
    },
  },
  check(ctx) {
    for (const n of ctx.model.index.uris) {
      ctx.report({
        start: n.start,
        end: n.end,
        messageId: 'url',
        data: { url: n.value },
        fix: {
          title: 'Quote the URL',
          edits: [{ start: n.start, end: n.end, newText: JSON.stringify(n.value).replace(/\$\{/g, '\\${') }],
          safe: true,
        },
      });
    }
  },
});
