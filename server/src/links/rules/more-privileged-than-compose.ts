import { defineRule } from '../../engine/define';
import { ATTACK, checkPrivileges, COMPARED, MORE_MESSAGE } from '../privileges';

const taskDef = (extra: string) =>
  '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": ' +
  `"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest"${extra}\n    }\n  ]\n}\n`;

/** XF053: an ECS task definition container is allowed more than a compose service that runs the same image. */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF053',
    id: 'more-privileged-than-compose',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 5.5 },
    fixable: false,
    description:
      'An ECS task definition container runs an image with more privileges (privileged, root, capabilities, a ' +
      'writable root filesystem, a host namespace) than a compose service that runs the same image.',
    messages: { more: MORE_MESSAGE },
    docs: {
      rationale:
        'The same image usually runs in two places: with compose (locally, in CI, on a host) and on ECS from a ' +
        'task definition. When the task definition grants it more, production is where the image has the most ' +
        'power, and the compose file shows it does not need it. ' +
        `${COMPARED} Reported on the task definition, naming the compose service; XF052 reports the other way ` +
        'round. The single-file rules (TD400 privileged, TD401/TD402 host namespaces, TD403 dangerous ' +
        'capabilities, TD405 root user, TD304 read-only root filesystem) report the settings themselves; this ' +
        'one says the same image does without them under compose.',
      attack: ATTACK,
      incorrect: taskDef(',\n      "user": "0"'),
      correct: taskDef(',\n      "user": "1000"'),
      files: { '../compose.yaml': 'services:\n  web:\n    image: ${REGISTRY}/web:${TAG}\n    user: "1000"\n' },
      peers: [
        'none: checkov, trivy and KICS check task definitions and compose files one file at a time (checkov ' +
          'CKV_AWS_334 and AWS Security Hub ECS.4 look at `privileged` in the task definition alone)',
      ],
    },
  },
  check: checkPrivileges,
});
