import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export function labelKeyProblem(key: string): string | undefined {
  if (key.includes('$')) return undefined;
  if (/^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/.test(key)) return 'uses a namespace reserved by Docker';
  if (!/^[a-z]/.test(key)) return 'must begin with a lower-case letter';
  if (/[.-]$/.test(key)) return 'must end with a letter or digit';
  if (/[.-]{2}/.test(key)) return 'must not have two consecutive `.` or `-`';
  if (!/^[a-z0-9.-]+$/.test(key)) return 'should use only lower-case letters, digits, `.` and `-`';
  return undefined;
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3048',
    id: 'label-key-format',
    defaultSeverity: 'info',
    presets: { hadolint: 'hint' },
    description: 'A LABEL key is not a valid label key.',
    messages: { key: 'Label key `{{key}}` {{problem}}.' },
    fixable: false,
    docs: {
      severity: 'Style: the label works; tools that read labels only expect the convention.',
      rationale:
        "Docker's guidelines for label keys: reverse-DNS, lower-case letters, " +
        'digits, `.` and `-`, no leading/trailing or doubled separators, and not the ' +
        '`com.docker.*`, `io.docker.*`, `org.dockerproject.*` namespaces. Tools that read labels ' +
        'rely on it.',
      incorrect: 'LABEL Org.Example..Version=1',
      correct: 'LABEL org.example.version=1',
      peers: ['hadolint DL3048'],
    },
  },
  check(ctx) {
    for (const outer of ctx.model.instructions) {
      const ins = outer.trigger ?? outer;
      if (ins.keyword !== 'LABEL') continue;
      for (const p of ins.properties) {
        const key = p.name.replace(/^["']|["']$/g, '');
        const problem = labelKeyProblem(key);
        if (!problem) continue;
        ctx.report({ start: p.nameStart, end: p.nameEnd, messageId: 'key', data: { key, problem } });
      }
    }
  },
});
