import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands } from '../util';

const BUILD_TOOLS = new Set([
  'build-essential',
  'build-base',
  'gcc',
  'g++',
  'make',
  'cmake',
  'clang',
  'autoconf',
  'automake',
  'libtool',
  'musl-dev',
  'linux-headers',
  'python3-dev',
  'python-dev',
  'cargo',
  'golang',
]);

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF102',
    id: 'build-tools-in-final-image',
    defaultSeverity: 'info',
    description: 'Compilers and build tools installed in a single-stage build stay in the image.',
    messages: {
      tools:
        '{{tools}} stay in the final image: build in a separate stage and copy ' +
        'only the result (multi-stage build), or remove them in the same RUN.',
    },
    fixable: false,
    docs: {
      severity: 'Practice: the image works, it is only bigger and carries more to patch.',
      rationale:
        'Compilers and headers add hundreds of MB and attack surface to an ' +
        'image that only needs the built program. A multi-stage build (`FROM ... AS build`, then ' +
        '`COPY --from=build`) leaves them behind. Installs that are removed again (`apt-get ' +
        'purge`, `apk del` of a `--virtual` group) are not reported; neither are multi-stage ' +
        'Dockerfiles.',
      incorrect:
        'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y ' +
        '--no-install-recommends gcc\nRUN pip install --no-cache-dir -r requirements.txt',
      correct:
        'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install ' +
        '-y --no-install-recommends gcc\nRUN pip wheel --wheel-dir /wheels -r ' +
        'requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip ' +
        'install --no-cache-dir /wheels/*',
      peers: [],
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.stages.length !== 1) return;
    const removed = new Set<string>();
    let purgesAll = false;
    for (const { cmd, packages } of subcommands(m, ['apt-get', 'apt'], ['purge', 'remove', 'autoremove'])) {
      for (const p of packages) removed.add(p.value);
      if (cmd.argv.some((w) => w.value.includes('$') || w.value === '--auto-remove' || w.value === 'autoremove'))
        purgesAll = true;
    }
    for (const { packages } of subcommands(m, ['apk'], ['del'])) for (const p of packages) removed.add(p.value);
    if (purgesAll) return;
    const installs = [
      ...subcommands(m, ['apt-get', 'apt'], ['install'], ['-o', '-t']),
      ...subcommands(m, ['apk'], ['add'], ['-t', '--virtual', '-X', '--repository']),
      ...subcommands(m, ['yum', 'dnf', 'microdnf'], ['install']),
    ];
    for (const { cmd, packages } of installs) {
      const virt = cmd.argv.findIndex((w) => w.value === '-t' || w.value === '--virtual');
      if (virt > 0 && removed.has(cmd.argv[virt + 1]?.value ?? '')) continue;
      const tools = packages.map((p) => p.value.split('=')[0]).filter((p) => BUILD_TOOLS.has(p) && !removed.has(p));
      if (tools.length === 0) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'tools',
        data: { tools: tools.map((t) => '`' + t + '`').join(', ') },
      });
    }
  },
});
