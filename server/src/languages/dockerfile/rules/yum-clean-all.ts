import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { meta, subcommands, sameRunHas, hasCacheMount } from '../util';

const cleans = (c: ShellCommand): boolean => (c.name === 'yum' && c.argv.some((w) => w.value === 'clean') && c.argv.some((w) => w.value === 'all')) || (c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/yum')));

export const rule: Rule<DockerfileModel> = {
  meta: meta({
    code: 'DL3032', id: 'yum-clean-all', defaultSeverity: 'warning',
    description: 'A RUN uses yum without cleaning its cache.',
    messages: { noClean: 'The yum cache stays in this layer: end this RUN with `yum clean all`.' },
    fixable: 'suggestion',
    docs: {
      rationale: 'yum keeps downloaded packages and metadata in its cache; unless the same RUN cleans it (or uses a cache mount), the layer keeps it. The fix appends `&& yum clean all` to the RUN (a suggestion).',
      incorrect: 'RUN yum install -y httpd-2.4.57', correct: 'RUN yum install -y httpd-2.4.57 && yum clean all', peers: ['hadolint DL3032'],
    },
  }),
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { ins, cmd } of subcommands(ctx.model, ['yum'], ['install', 'groupinstall', 'localinstall', 'reinstall'])) {
      if (seen.has(ins)) continue;
      seen.add(ins);
      if (sameRunHas(ins, cleans) || hasCacheMount(ins, '/var/cache')) continue;
      const last = ins.commands![ins.commands!.length - 1];
      ctx.report({
        start: cmd.start, end: cmd.end, messageId: 'noClean',
        fix: ins.json || ins.heredocs.length || last.via ? undefined : { title: 'Clean the cache in this RUN', safe: false, edits: [{ start: last.end, end: last.end, newText: ' \\\n    && yum clean all' }] },
      });
    }
  },
};
