import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { literalString, unparen } from '../../nix/util';
import { flakeInfoOf } from '../model';
import { isLocalHost } from '../security';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL102',
    id: 'flake-input-insecure-url',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    security: { severity: 7.4 },
    fixable: 'suggestion',
    description: 'A flake input is fetched over plain HTTP or the unauthenticated git:// protocol.',
    messages: {
      http:
        'Input "{{name}}" is fetched over plain HTTP: anyone on the network path can replace its source before ' +
        'it is locked. Use https.',
      git:
        'Input "{{name}}" uses the git:// protocol, which neither encrypts nor authenticates the server: use ' +
        'git+https:// (or git+ssh://).',
    },
    docs: {
      rationale:
        'An input is fetched when the lock file is created or updated, and its source is then built and often ' +
        'run. Over `http://` (also `git+http://`, `tarball+http://`, `file+http://`) or `git://` nothing proves the ' +
        'content came from the server you named, so a machine in the middle chooses the code that gets locked. ' +
        "The lock's narHash only protects later fetches of that same content. Hosts on this machine " +
        '(`localhost`) are not reported. The suggestion switches to https.',
      attack:
        'Whoever sits on the network path when someone runs `nix flake update` (a hostile Wi-Fi, a compromised ' +
        'proxy) swaps the input for code of their own, which is then locked, built and run by everyone.',
      incorrect:
        '{\n  inputs.tools.url = "tarball+http://example.org/tools.tar.gz";\n  outputs = { self, tools }: { };\n}\n',
      correct:
        '{\n  inputs.tools.url = "tarball+https://example.org/tools.tar.gz";\n  outputs = { self, tools }: { };\n}\n',
      peers: ['no checkov, trivy, KICS or zizmor check for Nix'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    for (const inp of info.inputs.values()) {
      const node = inp.url?.node ?? inp.entry.tree?.entries.get('url')?.value;
      if (!node) continue;
      const u = unparen(node);
      const url = inp.url?.value ?? (u.type === 'Uri' ? u.value : literalString(u));
      if (url === undefined) continue;
      const http = /^((git|tarball|file|hg)\+)?http:\/\//i.exec(url);
      const git = /^git:\/\//i.test(url);
      if ((!http && !git) || isLocalHost(url.replace(/^\w+\+/, ''))) continue;
      const at = ctx.text.indexOf(url, u.start);
      const exact = at >= 0 && at + url.length <= u.end;
      const scheme = http ? http[0].length - '://'.length : 0;
      ctx.report({
        start: exact ? at : u.start,
        end: exact ? at + url.length : u.end,
        messageId: http ? 'http' : 'git',
        data: { name: inp.name },
        fix:
          http && exact && u.type === 'Str'
            ? {
                title: 'Use https',
                safe: false,
                edits: [{ start: at + scheme - 4, end: at + scheme, newText: 'https' }],
              }
            : undefined,
      });
    }
  },
});
