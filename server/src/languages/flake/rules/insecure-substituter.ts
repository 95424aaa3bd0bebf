import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { configStrings, isLocalHost } from '../security';

const KEYS = ['substituters', 'extra-substituters', 'trusted-substituters', 'extra-trusted-substituters'];

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL100',
    id: 'flake-insecure-substituter',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    security: { severity: 6.5 },
    fixable: 'suggestion',
    description: '`nixConfig` adds a binary cache reached over plain HTTP.',
    messages: {
      http:
        '`{{key}}` adds {{url}} over plain HTTP: anyone on the network path sees what you fetch and can hold back ' +
        'or replay store paths. Use https://.',
    },
    docs: {
      rationale:
        "A flake's `nixConfig` is applied for everyone who accepts it (`accept-flake-config = true`, common in " +
        'CI). Signatures protect the content of store paths, but over plain HTTP the narinfo lookups, which paths ' +
        'you build and the cache answers are visible and can be withheld, replayed or served stale (an old, ' +
        'vulnerable but validly signed build). Caches on this machine (`localhost`) are not reported. The ' +
        'suggestion switches to https.',
      attack:
        'Someone on the network path (a hostile Wi-Fi, a compromised proxy) learns what you build and can serve ' +
        'old signed paths with known vulnerabilities, or block the cache to force slow local builds.',
      incorrect:
        '{\n  nixConfig.extra-substituters = [ "http://cache.example.org" ];\n' + '  outputs = { self }: { };\n}\n',
      correct:
        '{\n  nixConfig.extra-substituters = [ "https://cache.example.org" ];\n' + '  outputs = { self }: { };\n}\n',
      peers: ['no checkov, trivy, KICS or zizmor check for Nix'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    for (const key of KEYS)
      for (const s of configStrings(info, key) ?? []) {
        if (!/^http:\/\//i.test(s.value) || isLocalHost(s.value)) continue;
        const at = ctx.text.indexOf(s.value, s.node.start);
        const exact = at >= 0 && at + s.value.length <= s.node.end;
        ctx.report({
          start: exact ? at : s.node.start,
          end: exact ? at + s.value.length : s.node.end,
          messageId: 'http',
          data: { key, url: s.value },
          fix:
            exact && s.node.type === 'Str'
              ? { title: 'Use https', safe: false, edits: [{ start: at, end: at + 'http'.length, newText: 'https' }] }
              : undefined,
        });
      }
  },
});
