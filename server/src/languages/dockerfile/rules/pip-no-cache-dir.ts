import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, hasFlag, hasCacheMount, insertAfter } from '../util';
import type { ShellCommand } from '../shell';

/** `pip install`, `pip3 install`, `python -m pip install`: the word `install` and the command. */
export function* pipInstalls(model: DockerfileModel) {
  for (const x of commandsNamed(model, ['pip', 'pip3', 'python', 'python3', 'pip2'].concat(pythonVersions()))) {
    const a = x.cmd.argv;
    let k = 1;
    if (x.cmd.name.startsWith('python')) {
      const m = a.findIndex((w, i) => i > 0 && w.value === '-m');
      if (m < 0 || !/^pip\d?(\.\d+)?$/.test(a[m + 1]?.value ?? '')) continue;
      k = m + 2;
    }
    while (k < a.length && a[k].value.startsWith('-')) k++;
    if (a[k]?.value !== 'install') continue;
    yield { ...x, sub: a[k] };
  }
}
function pythonVersions(): string[] {
  return ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'].flatMap((v) => ['python' + v, 'pip' + v]);
}

/** pip options that take a value. */
export const PIP_FLAGS_WITH_VALUE = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--trusted-host',
  '--cache-dir',
  '--progress-bar',
  '--global-option',
  '--config-settings',
  '-C',
  '--report',
  '--log',
  '--timeout',
  '--retries',
  '--proxy',
  '--cert',
  '--client-cert',
  '--exists-action',
  '--no-binary',
  '--only-binary',
];

export function envSet(model: DockerfileModel, name: string): boolean {
  return model.envs.some((e) => e.name === name) || model.args.some((a) => a.name === name && a.value !== null);
}

export function pipCommandHas(cmd: ShellCommand, flag: string): boolean {
  return hasFlag(cmd, [flag]);
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3042',
    id: 'pip-no-cache-dir',
    defaultSeverity: 'warning',
    description: 'pip installs without `--no-cache-dir`, keeping its cache in the layer.',
    messages: { cache: 'Avoid the pip cache in the image: use `pip install --no-cache-dir`.' },
    fixable: 'safe',
    docs: {
      rationale:
        'pip keeps every downloaded wheel in `~/.cache/pip`, which then ships ' +
        'in the layer. `--no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`, or a cache mount) avoids it. ' +
        'The fix adds the flag after `install` and is safe: the same packages are installed.',
      incorrect: 'RUN pip install -r requirements.txt',
      correct: 'RUN pip install --no-cache-dir -r requirements.txt',
      peers: ['hadolint DL3042'],
    },
  },
  check(ctx) {
    if (envSet(ctx.model, 'PIP_NO_CACHE_DIR')) return;
    for (const { ins, cmd, sub } of pipInstalls(ctx.model)) {
      if (hasFlag(cmd, ['no-cache-dir']) || hasCacheMount(ins, '.cache/pip') || hasCacheMount(ins, '/root/.cache'))
        continue;
      if (cmd.words.some((w) => /^PIP_NO_CACHE_DIR=/.test(w.value))) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'cache',
        fix: cmd.via
          ? undefined
          : { title: 'Add --no-cache-dir', safe: true, edits: [insertAfter(sub, '--no-cache-dir')] },
      });
    }
  },
});
