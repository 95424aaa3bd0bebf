import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { hadolintConfig } from '../hadolint-config';
import { dynamic } from '../util';

export function registryOf(image: string): string {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3026',
    id: 'allowed-registries',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: 'A FROM image comes from a registry outside the trusted list.',
    messages: {
      registry:
        'Use only an allowed registry in the FROM image: `{{registry}}` is not in trustedRegistries ({{allowed}}).',
    },
    fixable: false,
    docs: {
      severity:
        'A real risk your team asked to be told about (trustedRegistries); the build itself succeeds ' +
        '(hadolint calls it an error).',
      rationale:
        'Teams that mirror or vet images list their registries in ' +
        '`.hadolint.yaml` (`trustedRegistries:`); an image from elsewhere bypasses that review. ' +
        'Without the setting nothing is reported. `docker.io` stands for Docker Hub images without ' +
        'a registry.',
      incorrect: 'FROM node:20',
      correct: 'FROM registry.example.com/node:20',
      peers: ['hadolint DL3026'],
      files: { '.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n' },
    },
  },
  check(ctx) {
    const allowed = hadolintConfig(ctx)?.trustedRegistries;
    if (!allowed || allowed.length === 0) return;
    const stageNames = new Set(ctx.model.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
    for (const s of ctx.model.stages) {
      if (!s.image || s.image === 'scratch' || dynamic(s.image) || stageNames.has(s.image.toLowerCase())) continue;
      const reg = registryOf(s.image);
      const ok = allowed.some(
        (a) =>
          a === reg ||
          (a === 'docker.io' && reg === 'docker.io') ||
          (a.startsWith('*.') && reg.endsWith(a.slice(1))) ||
          a === '*',
      );
      if (!ok)
        ctx.report({
          start: s.imageStart,
          end: s.imageEnd,
          messageId: 'registry',
          data: { registry: reg, allowed: allowed.join(', ') },
        });
    }
  },
});
