import { defineRule } from '../../../engine/define';
import { nodeRange, str } from '../../../yaml/view';
import type { WorkflowModel } from '../parse';
import { permissionsOf } from '../security';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF102',
    id: 'write-all-permissions',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.1 },
    fixable: 'suggestion',
    description: '`permissions: write-all` gives the GITHUB_TOKEN write access to everything.',
    messages: {
      writeAll:
        '`permissions: write-all` lets every step{{scope}} push code, publish packages, change issues, pull ' +
        'requests and deployments; list the scopes it writes to instead.',
    },
    docs: {
      rationale:
        '`write-all` grants every scope of the token: contents, packages, actions, deployments, pull requests, ' +
        'security events and more. Any step (a third-party action, a compromised dependency, a script injection) ' +
        'can then use it. Grant `contents: read` at the top and, in the job that needs it, the one scope it ' +
        'writes (`contents: write` to push a tag, `packages: write` to push an image). The suggestion replaces ' +
        '`write-all` with `contents: read`; add back what the jobs need.',
      attack:
        'Whoever runs code in any step (a compromised action, a poisoned dependency, an injected command) pushes ' +
        'to the repository, releases a backdoored package or rewrites workflow files, with the repository’s own ' +
        'token.',
      incorrect:
        'on: push\npermissions: write-all\njobs:\n  test: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
      correct:
        'on: push\npermissions:\n  contents: read\njobs:\n  test: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
      peers: ['zizmor excessive-permissions', 'checkov CKV2_GHA_1', 'scorecard Token-Permissions'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const check = (jobId?: string) => {
      const e = permissionsOf(model, jobId ? model.jobsById.get(jobId) : undefined);
      if (!e?.value || str(e.value) !== 'write-all') return;
      const [start, end] = nodeRange(e.value);
      ctx.report({
        start,
        end,
        messageId: 'writeAll',
        data: { scope: jobId ? ` of job "${jobId}"` : '' },
        fix: {
          title: 'Grant only contents: read',
          safe: false,
          edits: [{ start, end, newText: '{ contents: read }' }],
        },
      });
    };
    check();
    for (const job of model.jobs) check(job.id);
  },
});
