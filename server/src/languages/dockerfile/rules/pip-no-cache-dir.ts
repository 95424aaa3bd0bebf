import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { pipBoolean, pipInstalls } from '../packages';
import { scriptEnv } from '../shell';
import { envBefore, hasCacheMount, insertAfter } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3042',
    id: 'pip-no-cache-dir',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'pip installs without `--no-cache-dir`, keeping its cache in the layer.',
    messages: { cache: 'Avoid the pip cache in the image: use `pip install --no-cache-dir`.' },
    fixable: 'safe',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'pip keeps every downloaded wheel in `~/.cache/pip`, which then ships ' +
        'in the layer. `--no-cache-dir` avoids it, and so does `PIP_NO_CACHE_DIR` set to a true value (`1`, ' +
        '`true`, `on`, `yes`) by ENV in the stage or a stage it is built on, by `export` earlier in the RUN or as ' +
        "the command's prefix; `0`/`false`/`off`/`no` keep the cache. Unlike hadolint, a cache mount at " +
        '`~/.cache/pip` also counts: the cache then stays out of the layer. `pipx` and `pipenv` are not pip. ' +
        'The fix adds the flag after `install` and is safe: the same packages are installed.',
      incorrect: 'RUN pip install -r requirements.txt',
      correct: 'RUN pip install --no-cache-dir -r requirements.txt',
      peers: ['hadolint DL3042'],
    },
  },
  check(ctx) {
    for (const { ins, cmd, sub, args } of pipInstalls(ctx.model)) {
      if (args.has('--no-cache-dir') || hasCacheMount(ins, (t) => t.includes('.cache/pip') || t === '/root/.cache'))
        continue;
      // PIP_NO_CACHE_DIR from the command's prefix or an export in the RUN, else from ENV (this stage or its bases)
      const value =
        scriptEnv(ins.commands ?? [], cmd).get('PIP_NO_CACHE_DIR') ?? envBefore(ctx.model, ins, 'PIP_NO_CACHE_DIR');
      if (value !== undefined && pipBoolean(value)) continue;
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
