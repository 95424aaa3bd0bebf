import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3066',
    id: 'numeric-user',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'USER should give a numeric user id: a name may not resolve outside the image.',
    messages: {
      name:
        '`USER {{user}}` names the user: tools outside the image (Kubernetes ' +
        '`runAsNonRoot`, the host) see only ids, so prefer its numeric id (e.g. `USER 1001`).',
    },
    fixable: false,
    docs: {
      severity:
        'Off: creating a named user and switching to it is the common, recommended pattern; turn it on when ' +
        'your platform checks numeric ids (hadolint shows it as info).',
      rationale:
        "A user name is resolved through the image's `/etc/passwd`; the host, " +
        'volume permissions and checks such as Kubernetes `runAsNonRoot` see only the numeric id ' +
        'and cannot tell that `app` is not root. Giving the id (`USER 1001` or `USER 1001:1001`) ' +
        'makes it verifiable. Only the part before `:` is checked; a value taken from a variable ' +
        'is left alone since it may hold a number. Off by default here (hadolint shows it as ' +
        'info): the common and recommended pattern of creating a named user and switching to it ' +
        "(as DL3002's fix does) would otherwise always be reported; turn it on when your platform " +
        'checks ids.',
      incorrect: 'FROM node:20\nUSER node',
      correct: 'FROM node:20\nUSER 1000:1000',
      peers: ['hadolint DL3066'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const target = ins.keyword === 'ONBUILD' && ins.trigger ? ins.trigger : ins;
      if (target.keyword !== 'USER' || target.args.length === 0) continue;
      const a = target.args[0];
      const uid = a.value.split(':')[0];
      if (dynamic(a.value) || /^\d+$/.test(uid)) continue;
      ctx.report({ start: a.start, end: a.end, messageId: 'name', data: { user: a.value } });
    }
  },
});
