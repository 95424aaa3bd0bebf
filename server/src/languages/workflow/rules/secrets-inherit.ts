import { posix } from 'node:path';
import { defineRule } from '../../../engine/define';
import { repoRootOf } from '../../../text/paths';
import { entry, nodeRange, str } from '../../../yaml/view';
import { parseUses } from '../actions';
import type { WorkflowModel } from '../parse';

/** The owner of the repository, from the `origin` remote of `.git/config`. */
function ownOwner(config: string | undefined): string | undefined {
  if (!config) return undefined;
  const origin = /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(config)?.[1];
  const m = origin && /github\.com[:/]([^/\s]+)\//i.exec(origin);
  return m ? m[1].toLowerCase() : undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF107',
    id: 'secrets-inherit',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 6.5 },
    fixable: false,
    description: '`secrets: inherit` hands every secret of the repository to a reusable workflow of another owner.',
    messages: {
      otherOwner:
        '`secrets: inherit` passes every secret of this repository to {{workflow}}, which {{owner}} controls; ' +
        'pass only the secrets it needs, by name.',
      unknownOwner:
        '`secrets: inherit` passes every secret of this repository to {{workflow}} in another repository; pass ' +
        'only the secrets it needs, by name.',
    },
    docs: {
      rationale:
        '`secrets: inherit` gives the called workflow all the secrets the caller can see: organisation, ' +
        'repository and environment secrets, whatever the workflow needs. Calling a workflow of another owner ' +
        'that way trusts all of them to that owner and to every future version of their workflow. Name the ' +
        'secrets it takes under `secrets:` instead. The owner of this repository is read from the `origin` remote ' +
        'in `.git/config`; without it, every workflow of another repository is reported.',
      attack:
        'Whoever controls the called workflow (its owner, or anyone who compromises it) receives the deploy keys, ' +
        'cloud credentials and tokens of every caller that inherits secrets, on the next run.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    uses: some-org/shared/.github/workflows/deploy.yml@v1\n    secrets: inherit\n',
      correct:
        'on: push\njobs:\n  deploy:\n    uses: some-org/shared/.github/workflows/deploy.yml@v1\n    secrets:\n' +
        '      deploy-key: ${{ secrets.DEPLOY_KEY }}\n',
      peers: ['zizmor secrets-inherit'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const root = repoRootOf(ctx.path);
    const configPath = root ? posix.join(root, '.git', 'config') : undefined;
    if (configPath) ctx.workspace.dependOn?.(ctx.path, configPath);
    const owner = ownOwner(configPath ? ctx.workspace.readText(configPath) : undefined);
    for (const job of model.jobs) {
      if (!job.uses) continue;
      const e = entry(job.node, model.doc, 'secrets', false);
      if (!e?.value || str(e.value) !== 'inherit') continue;
      const r = parseUses(job.uses.value);
      if (r.kind !== 'repo') continue;
      if (owner && r.owner.toLowerCase() === owner) continue;
      const [start, end] = nodeRange(e.value);
      ctx.report({
        start,
        end,
        messageId: owner ? 'otherOwner' : 'unknownOwner',
        data: { workflow: `\`${r.name}\``, owner: r.owner },
      });
    }
  },
});
