import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { meta, subcommands, sameRunHas, hasCacheMount } from '../util';

const cleans = (c: ShellCommand): boolean => (c.name === 'zypper' && c.argv.some((w) => w.value === 'clean' || w.value === 'cc')) || (c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/zypp')));

export const rule: Rule<DockerfileModel> = {
  meta: meta({
    code: 'DL3036', id: 'zypper-clean', defaultSeverity: 'warning',
    description: 'A RUN uses zypper without cleaning its cache.',
    messages: { noClean: 'The zypper cache stays in this layer: end this RUN with `zypper clean`.' },
    fixable: 'suggestion',
    docs: {
      rationale: 'zypper keeps downloaded packages and metadata in its cache; unless the same RUN cleans it (or uses a cache mount), the layer keeps it. The fix appends `&& zypper clean` to the RUN (a suggestion).',
      incorrect: 'RUN zypper install -y httpd-2.4.57', correct: 'RUN zypper install -y httpd-2.4.57 && zypper clean', peers: ['hadolint DL3036'],
    },
  }),
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { ins, cmd } of subcommands(ctx.model, ['zypper'], ['install', 'in', 'source-install', 'si', 'patch', 'update', 'up'])) {
      if (seen.has(ins)) continue;
      seen.add(ins);
      if (sameRunHas(ins, cleans) || hasCacheMount(ins, '/var/cache')) continue;
      const last = ins.commands![ins.commands!.length - 1];
      ctx.report({
        start: cmd.start, end: cmd.end, messageId: 'noClean',
        fix: ins.json || ins.heredocs.length || last.via ? undefined : { title: 'Clean the cache in this RUN', safe: false, edits: [{ start: last.end, end: last.end, newText: ' \\\n    && zypper clean' }] },
      });
    }
  },
};
