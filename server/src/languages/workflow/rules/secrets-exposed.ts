import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { envInForce, secretsIn } from '../security';

/** Commands that print their input or arguments (`echo`, `printf`, `cat`), or transform it so masking misses it. */
const PRINT = /(^|[\s;&|(`])(echo|printf|cat\s+<<<|cat)\b[^\n|;&]*/;
const TRANSFORM = /\|\s*(base64|xxd|od|rev|hexdump|sed|tr|awk|openssl\s+(base64|enc))\b/;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF111',
    id: 'secrets-exposed',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: false,
    description: 'A step prints a secret to the log, or receives every secret of the repository at once.',
    messages: {
      all: '`toJSON(secrets)` hands every secret of the repository to this step; pass the ones it needs by name.',
      echo:
        'This prints {{what}} to the log{{how}}. Log masking only hides the exact value: quoted, split, encoded or ' +
        'multi-line, it shows.',
      fromJson:
        '`fromJSON(secrets.{{name}})` takes fields out of a secret: the fields are not registered for masking and ' +
        'show in logs as they are.',
    },
    docs: {
      rationale:
        'GitHub masks secrets in logs by searching for their exact text. A secret that is echoed reaches the log ' +
        'and relies on that search: a transformed copy (`| base64`, `rev`, one line of a multi-line key, JSON ' +
        'escaping) is printed in clear, and logs of public repositories are public. `toJSON(secrets)` passes ' +
        'every secret to one step, so a compromise of that step (or anything it runs) takes them all; fields ' +
        'taken out of a JSON secret with `fromJSON` are not masked at all. Use secrets through environment ' +
        'variables, without printing them, and name each one a step needs.',
      attack:
        'Anyone who can read the logs (everyone, for a public repository) reads a secret that slipped past ' +
        'masking; a compromised action that receives `toJSON(secrets)` sends all of them away.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - run: echo "${{ secrets.DEPLOY_KEY }}" | base64 -d > key\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - run: printenv DEPLOY_KEY_B64 | base64 -d > key\n        env:\n' +
        '          DEPLOY_KEY_B64: ${{ secrets.DEPLOY_KEY }}\n',
      peers: ['zizmor overprovisioned-secrets, unredacted-secrets'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const site of model.expressions) {
      if (!site.wrapped) continue;
      const src = site.src.replace(/\s+/g, '');
      if (/tojson\(secrets\)/i.test(src)) ctx.report({ start: site.outerStart, end: site.outerEnd, messageId: 'all' });
      const fj = /fromjson\(secrets\.([\w-]+)\)/i.exec(src);
      if (fj) ctx.report({ start: site.outerStart, end: site.outerEnd, messageId: 'fromJson', data: { name: fj[1] } });
    }
    for (const job of model.jobs)
      for (const step of job.steps) {
        if (!step.run) continue;
        const env = envInForce(model, job, step);
        const secretVars = [...env.values()].filter((v) => v.expressions.some((e) => secretsIn(e).names.length > 0));
        const sites = model.expressions.filter((e) => e.scalar.node === step.run!.node && e.wrapped);
        for (const line of step.run.value.split('\n')) {
          const p = PRINT.exec(line);
          if (!p) continue;
          // the output goes to a file or to another command, not to the log
          const printed = line.slice(p.index);
          const transformed = TRANSFORM.test(printed);
          if (/>\s*\S/.test(printed.replace(/>>?\s*["']?\$\{?GITHUB_\w+/g, '')) && !transformed) continue;
          if (/\|/.test(printed) && !transformed) continue;
          const how = transformed ? ', through a transformation that masking cannot follow' : '';
          const site = sites.find((s) => secretsIn(s.src).names.length && printed.includes(s.src.trim()));
          const v = secretVars.find((x) => new RegExp(`\\$\\{?${x.name}\\b`).test(printed));
          if (site)
            ctx.report({
              start: site.outerStart,
              end: site.outerEnd,
              messageId: 'echo',
              data: { what: `\`secrets.${secretsIn(site.src).names[0]}\``, how },
            });
          else if (v) {
            const at = ctx.text.indexOf(line.trim(), step.run.start);
            const start = at >= 0 && at < step.run.end ? at : step.run.start;
            ctx.report({
              start,
              end: at >= 0 && at < step.run.end ? at + line.trim().length : step.run.end,
              messageId: 'echo',
              data: { what: `\`$${v.name}\` (a secret)`, how },
            });
          }
        }
      }
  },
});
