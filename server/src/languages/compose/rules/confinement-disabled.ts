import { defineRule } from '../../../engine/define';
import { items, str } from '../../../yaml/view';
import type { ComposeModel } from '../parse';
import { itemSpan } from '../security';

/** `security_opt` values that turn a protection off, and what it was. */
const OFF: [RegExp, string][] = [
  [/^seccomp[:=]unconfined$/i, 'the seccomp filter (the ~50 dangerous system calls it blocks are allowed)'],
  [/^apparmor[:=]unconfined$/i, 'the AppArmor profile'],
  [/^label[:=]disable$/i, 'SELinux labelling'],
  [/^systempaths[:=]unconfined$/i, 'the masking of /proc and /sys paths'],
];

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP104',
    id: 'compose-confinement-disabled',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 6.8 },
    fixable: false,
    description: '`security_opt` turns off seccomp, AppArmor, SELinux or the masking of kernel paths.',
    messages: {
      off: '"{{service}}" turns off {{what}} with `{{value}}`.',
    },
    docs: {
      rationale:
        'Docker confines every container with a seccomp filter, an AppArmor (or SELinux) profile and masked ' +
        '`/proc`/`/sys` paths. `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and ' +
        '`systempaths=unconfined` remove one layer each, usually to make one blocked call work. Write a profile ' +
        'that allows that call instead (`seccomp:./seccomp.json`).',
      attack:
        'An exploit inside the container can use the system calls and kernel interfaces the profile was blocking, ' +
        'which is how most kernel-level container escapes start.',
      incorrect: 'services:\n  app:\n    image: acme/app:1.4\n    security_opt:\n      - seccomp:unconfined\n',
      correct: 'services:\n  app:\n    image: acme/app:1.4\n    security_opt:\n      - no-new-privileges:true\n',
      peers: ['KICS "Seccomp Disabled", "Default Seccomp Profile Disabled"'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const e = svc.get('security_opt');
      if (!e) continue;
      for (const it of items(e.value, ctx.model.doc)) {
        const value = str(it)?.trim() ?? '';
        const off = OFF.find(([re]) => re.test(value));
        if (off)
          ctx.report({ ...itemSpan(svc, e, it), messageId: 'off', data: { service: svc.name, what: off[1], value } });
      }
    }
  },
});
