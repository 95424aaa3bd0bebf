import { defineRule } from '../../../engine/define';
import { isMap } from 'yaml';
import type { Rule } from '../../../engine/types';
import type { ComposeModel, ServiceModel } from '../parse';
import { entries, entry, nodeEnd, str } from '../../../yaml/view';
import { keyIndent } from '../refs';
import { firstPort, healthcheckBlock, healthcheckTest } from '../healthcheck-skeleton';
import { buildInfo, loadDockerfile } from '../build';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP022',
    id: 'healthy-without-healthcheck',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: '`condition: service_healthy` waits for a service that has no healthcheck.',
    messages: {
      none: '"{{name}}" is awaited with service_healthy but defines no healthcheck{{where}}.',
      disabled: '"{{name}}" is awaited with service_healthy but its healthcheck is disabled.',
    },
    docs: {
      severity:
        'A likely bug: `up` fails unless the image itself defines a HEALTHCHECK, which Compose cannot see ' + 'here.',
      rationale:
        'A dependency with `condition: service_healthy` can only become ' +
        'healthy when it has a healthcheck, in the compose file or in its image. Without one, ' +
        '`docker compose up` fails ("has no healthcheck configured"). For services built here, the ' +
        "Dockerfile's `HEALTHCHECK` counts; for pulled images it cannot be seen, hence a warning. " +
        'The fix adds a healthcheck that fits the image (pg_isready, redis-cli ping, mysqladmin ' +
        'ping, or curl).',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    ' +
        'healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const byName = new Map(ctx.model.services.map((s) => [s.name, s]));
    const done = new Set<string>();
    for (const svc of ctx.model.services) {
      const dep = svc.get('depends_on')?.value;
      if (!dep || !isMap(dep)) continue;
      for (const e of entries(dep, doc)) {
        if (str(entry(e.value, doc, 'condition')?.value) !== 'service_healthy') continue;
        const target = byName.get(e.key);
        if (!target) continue;
        const hc = target.get('healthcheck');
        const disabled =
          hc &&
          (str(entry(hc.value, doc, 'disable')?.value) === 'true' ||
            /^\s*\[\s*["']?NONE/.test(
              ctx.text.slice(
                entry(hc.value, doc, 'test')?.value?.range?.[0] ?? 0,
                entry(hc.value, doc, 'test')?.value?.range?.[1] ?? 0,
              ),
            ));
        if (hc && !disabled) continue;
        if (!hc && builtWithHealthcheck(ctx, target)) continue;
        const fix = disabled ? undefined : addHealthcheck(ctx.model, target);
        ctx.report({
          start: e.keyStart,
          end: e.keyEnd,
          messageId: disabled ? 'disabled' : 'none',
          data: { name: e.key, where: target.get('build') ? ' (here or in its Dockerfile)' : '' },
          fix: fix && !done.has(target.name) ? fix : undefined,
          related: [
            { path: ctx.path, start: target.keyStart, end: target.keyEnd, message: `"${target.name}" is defined here` },
          ],
        });
        done.add(target.name);
      }
    }
  },
});

function builtWithHealthcheck(ctx: Parameters<Rule<ComposeModel>['check']>[0], svc: ServiceModel): boolean {
  const info = buildInfo(ctx.model, svc, ctx.path);
  if (!info || info.remote) return false;
  const df = loadDockerfile(ctx.workspace, ctx.path, info);
  if (!df) return true; // unknown Dockerfile: it may have a HEALTHCHECK, so say nothing
  return df.text.split(/\r?\n/).some((l) => /^\s*HEALTHCHECK\s+(?!NONE\b)/i.test(l));
}

function addHealthcheck(model: ComposeModel, svc: ServiceModel) {
  if (!svc.value || !isMap(svc.value) || (svc.value as any).flow || !svc.entries.length) return undefined;
  const own = svc.entries.filter((e) => !e.merged);
  if (!own.length) return undefined;
  const indent = keyIndent(model.text, own[0].keyStart);
  const end = nodeEnd(svc.value);
  // insert after the last line of the service, before the line break
  let at = end;
  while (at > 0 && /[\r\n]/.test(model.text[at - 1])) at--;
  const image = str(svc.get('image')?.value) ?? '';
  const test = healthcheckTest(image, firstPort(model, svc));
  return {
    title: `Add a healthcheck to "${svc.name}"`,
    safe: false,
    edits: [{ start: at, end: at, newText: `\n${healthcheckBlock(indent, test)}` }],
  };
}
