import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { configFalse, configStrings } from '../security';

const KEY_SETTINGS = ['trusted-public-keys', 'extra-trusted-public-keys'];
const CACHE_SETTINGS = ['substituters', 'extra-substituters', 'trusted-substituters', 'extra-trusted-substituters'];

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL101',
    id: 'flake-config-trust',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: false,
    description:
      '`nixConfig` trusts a signing key for a cache it does not list, or turns off signature checks or the sandbox.',
    messages: {
      key:
        '`{{setting}}` trusts "{{name}}", the key of no cache this flake lists: whoever holds it can sign store ' +
        'paths that any of your caches then serves as genuine.',
      requireSigs:
        '`require-sigs = false` makes Nix accept unsigned store paths from every cache: anyone who can answer ' +
        'for a cache supplies your binaries.',
      sandbox: '`sandbox = false` lets every build of this flake read and write outside its sandbox.',
    },
    docs: {
      rationale:
        "A flake's `nixConfig` becomes your Nix configuration when you accept it (`accept-flake-config = true`, " +
        'or answering yes once). A trusted public key is permission to sign binaries you will run: a key that ' +
        "belongs to a cache the flake adds (`foo.cachix.org-1:…` for `https://foo.cachix.org`) is the flake's " +
        'own choice, but a key for no listed cache, `require-sigs = false` or `sandbox = false` are changes to ' +
        'your trust that the flake has no need to make. The NixOS cache key is never reported.',
      attack:
        'Whoever controls the extra key (or, without signatures, any cache or the network path to it) hands you ' +
        'a modified `bash`, compiler or application that Nix installs as if it had been built from the source.',
      incorrect:
        '{\n  nixConfig.extra-trusted-public-keys = [ "builder.example.org-1:q3bJ0jzqV3m9a1G8YHf5kD9n2dA6S0Q6c2x0y7c9lN8=" ];\n' +
        '  outputs = { self }: { };\n}\n',
      correct:
        '{\n  nixConfig = {\n    extra-substituters = [ "https://builder.example.org" ];\n' +
        '    extra-trusted-public-keys = [ "builder.example.org-1:q3bJ0jzqV3m9a1G8YHf5kD9n2dA6S0Q6c2x0y7c9lN8=" ];\n' +
        '  };\n  outputs = { self }: { };\n}\n',
      peers: ['no checkov, trivy, KICS or zizmor check for Nix'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    const hosts = new Set<string>(['cache.nixos.org']);
    for (const k of CACHE_SETTINGS)
      for (const s of configStrings(info, k) ?? []) {
        const m = /^[a-z+]+:\/\/([^/:?#]+)/i.exec(s.value);
        if (m) hosts.add(m[1].toLowerCase());
      }
    // A key's name need not be its cache's host (cache.iog.io signs as hydra.iohk.io-1): a flake that lists caches of
    // its own is taken to trust their keys; only keys trusted with no cache of the flake's own are reported.
    const ownCaches = hosts.size > 1;
    for (const setting of KEY_SETTINGS)
      for (const s of configStrings(info, setting) ?? []) {
        const name = s.value.split(':')[0];
        const host = name.replace(/-\d+$/, '').toLowerCase();
        if (ownCaches || hosts.has(host)) continue;
        const at = ctx.text.indexOf(s.value, s.node.start);
        const exact = at >= 0 && at + s.value.length <= s.node.end;
        ctx.report({
          start: exact ? at : s.node.start,
          end: exact ? at + name.length : s.node.end,
          messageId: 'key',
          data: { setting, name },
        });
      }
    const sigs = configFalse(info, 'require-sigs');
    if (sigs) ctx.report({ start: sigs.start, end: sigs.end, messageId: 'requireSigs' });
    const sandbox = configFalse(info, 'sandbox');
    if (sandbox) ctx.report({ start: sandbox.start, end: sandbox.end, messageId: 'sandbox' });
  },
});
