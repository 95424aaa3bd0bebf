import { defineRule } from '../../engine/define';
import { ATTACK, checkPrivileges, COMPARED, MORE_MESSAGE } from '../privileges';

const COMPOSE = 'services:\n  web:\n    image: ${REGISTRY}/web:${TAG}\n';

/** XF052: a compose service is allowed more than an ECS task definition container that runs the same image. */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF052',
    id: 'more-privileged-than-ecs',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 5.5 },
    fixable: false,
    description:
      'A compose service runs an image with more privileges (privileged, root, capabilities, a writable root ' +
      'filesystem, a host namespace) than an ECS task definition that runs the same image.',
    messages: { more: MORE_MESSAGE },
    docs: {
      rationale:
        'The same image usually runs in two places: with compose (locally, in CI, on a host) and on ECS from a ' +
        'task definition. When the compose service grants it more, either that grant is not needed (the task ' +
        'definition shows the image runs without it) or the task definition lacks a hardening the team chose. ' +
        `${COMPARED} Reported on the service, naming the task definition's container; XF053 reports the other ` +
        'way round. The single-file rules (CP100 privileged, CP101 host namespaces, CP103 dangerous ' +
        'capabilities) report the settings themselves; this one says the same image does without them on ECS.',
      attack: ATTACK,
      incorrect: `${COMPOSE}    user: root\n`,
      correct: `${COMPOSE}    user: "1000"\n`,
      files: {
        'ecs/task-definition.json':
          '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": ' +
          '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest",\n      "user": "1000"\n    }\n  ]\n}\n',
      },
      peers: [
        'none: checkov, trivy and KICS check compose files and task definitions one file at a time (KICS ' +
          '"Privileged Containers Enabled" and the other compose queries look at the compose file alone)',
      ],
    },
  },
  check: checkPrivileges,
});
