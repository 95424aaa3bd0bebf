import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { actionName, runnerLabels } from '../../crossfile/workflow';

/** Actions that put Nix on a GitHub-hosted runner. */
const INSTALLERS = [
  'cachix/install-nix-action',
  'determinatesystems/nix-installer-action',
  'nixbuild/nix-quick-install-action',
  'determinatesystems/determinate-nix-action',
];

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF031',
    id: 'nix-not-installed',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A step runs `nix` on a GitHub-hosted runner before any step installs Nix.',
    messages: {
      notInstalled:
        '`nix` is not installed on {{runner}}: add `cachix/install-nix-action` ' +
        'or `DeterminateSystems/nix-installer-action` before this step.',
    },
    docs: {
      rationale:
        'GitHub-hosted runners do not ship Nix, so `nix build` fails with ' +
        '"nix: command not found". An installer action must run earlier in the same job (each job ' +
        'gets a fresh runner). Jobs on self-hosted runners, in a container, or with runner labels ' +
        'given by expressions are not checked.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - run: nix build .#default\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - uses: cachix/install-nix-action@v31\n      - run: ' +
        'nix build .#default\n',
      peers: [],
    },
  },
  check(ctx) {
    for (const job of ctx.model.jobs) {
      if (job.node?.items.some((p) => (p.key as { value?: unknown })?.value === 'container')) continue;
      const labels = runnerLabels(ctx.model, job);
      const hosted = labels.length > 0 && labels.every((l) => /^(ubuntu|macos|windows)-[\w.-]+$/.test(l));
      if (!hosted) continue;
      for (const step of job.steps) {
        if (step.uses && INSTALLERS.includes(actionName(step.uses.value))) break;
        if (step.uses && /nix/i.test(step.uses.value)) break; // another installer or a composite action that may install it
        if (!step.run) continue;
        if (
          /install\.determinate\.systems|nixos\.org\/nix\/install|apt(-get)?\s+install[^\n]*\bnix/.test(step.run.value)
        )
          break;
        const m =
          /(^|[\n;&|(]\s*|\$\(\s*)(nix)\s+(build|develop|run|shell|flake|profile|eval|copy|path-info|store|log|fmt|print-dev-env)\b/.exec(
            ctx.text.slice(step.run.start, step.run.end),
          );
        if (!m) continue;
        const start = step.run.start + m.index + m[1].length;
        ctx.report({ start, end: start + 3, messageId: 'notInstalled', data: { runner: labels.join(', ') } });
        break;
      }
    }
  },
});
