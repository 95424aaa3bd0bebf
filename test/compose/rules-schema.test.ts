import { testRule as sharedTestRule, type RuleCases } from '../helpers/rule-tester';
import { language } from '../../server/src/languages/compose';
import type { Rule } from '../../server/src/engine/types';

const testRule = (rule: Rule, cases: RuleCases) => sharedTestRule(language, rule, cases);
import { rule as syntax } from '../../server/src/languages/compose/rules/compose-syntax-error';
import { rule as unknownKey } from '../../server/src/languages/compose/rules/unknown-key';
import { rule as wrongType } from '../../server/src/languages/compose/rules/wrong-type';
import { rule as invalidValue } from '../../server/src/languages/compose/rules/invalid-value';
import { rule as missingRequired } from '../../server/src/languages/compose/rules/missing-required-key';
import { rule as duplicateItem } from '../../server/src/languages/compose/rules/duplicate-item';

testRule(syntax, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { code: '' },
    { code: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  web:\n    image: "nginx:1.27\n', errors: [{ messageId: 'syntax', line: 3 }] },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n',
      errors: [{ messageId: 'duplicateKey', line: 4 }],
    },
    { code: 'services:\n  web: [a\n', errors: [{ messageId: 'syntax', line: 2 }] },
    {
      code: 'services:\n\tweb:\n\t\timage: nginx\n',
      errors: [
        { messageId: 'syntax', line: 2 },
        { messageId: 'syntax', line: 3 },
      ],
    },
  ],
});

testRule(unknownKey, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    x-note: anything\n' },
    { code: 'x-common: {a: 1}\nservices:\n  web:\n    image: nginx:1.27\n' },
    {
      code:
        'services:\n  web:\n    build:\n      context: .\n      target: prod\n ' +
        '     additional_contexts:\n        base: ../base\n',
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    develop:\n      ' +
        'watch:\n        - path: ./src\n          action: sync+restart\n          target: /app\n',
    },
    {
      code:
        'include:\n  - ./other/compose.yaml\n  - path: [a.yaml, b.yaml]\n    ' +
        'project_directory: .\nmodels:\n  llm:\n    model: ai/smollm2\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      - A=1\n',
      errors: [{ messageId: 'unknownSuggest', line: 4 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=1\n',
    },
    {
      code: 'servics:\n  web:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'unknownSuggest', line: 1 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    frobnicate: true\n',
      errors: [{ messageId: 'unknown', line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    replicas: 2\n    context: .\n',
      errors: [
        { messageId: 'belongsUnder', line: 4 },
        { messageId: 'belongsUnder', line: 5 },
      ],
    },
    { code: 'web:\n  image: nginx:1.27\n', errors: [{ messageId: 'serviceAtTop', line: 1 }] },
    {
      code: 'x-base: &base\n  restat: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n',
      errors: [{ messageId: 'unknownSuggest', line: 2 }],
      output: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n',
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      ' +
        'test: ["CMD", "true"]\n      intervl: 5s\n',
      errors: [{ messageId: 'unknownSuggest', line: 6 }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 5s\n',
    },
  ],
});

testRule(wrongType, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: 1\n      B: true\n      C:\n' },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=1\n' },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n    ' +
        '  - "8080:80"\n      - target: 443\n        published: "8443"\n',
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    command: ["nginx", ' +
        '"-g", "daemon off;"]\n    entrypoint: /bin/sh -c\n',
    },
    {
      code:
        'networks:\n  front:\nvolumes:\n  data:\nservices:\n  web:\n    image: ' +
        'nginx:1.27\n    networks: [front]\n    volumes: ["data:/d"]\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      ' +
        'test: ["CMD", "true"]\n      interval: 30\n',
      errors: [{ messageId: 'type', line: 6 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: "80:80"\n',
      errors: [{ messageId: 'type', line: 4 }],
    },
    { code: 'version: 3\nservices: {}\n', errors: [{ messageId: 'type', line: 1 }] },
    { code: 'services:\n  web:\n    image: [nginx]\n', errors: [{ messageId: 'type', line: 3 }] },
    { code: '- a\n- b\n', errors: [{ messageId: 'type', line: 1 }] },
  ],
});

testRule(invalidValue, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    pull_policy: every_12h\n' },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: ${COND}\n  db:\n    image: postgres:16\n',
    },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    cpu_percent: 50\n    container_name: my-web\n' },
  ],
  invalid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_helthy\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'enumSuggest', line: 6 }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n',
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    cgroup: shared\n',
      errors: [{ messageId: 'enum', line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    pull_policy: sometimes\n',
      errors: [{ messageId: 'pattern', line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    cpu_percent: 150\n',
      errors: [{ messageId: 'range', line: 4 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    container_name: w\n',
      errors: [{ messageId: 'pattern', line: 4 }],
    },
  ],
});

testRule(missingRequired, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: ' +
        'bind\n        source: ./site\n        target: /srv\n',
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    extends:\n      ' +
        'service: base\n  base:\n    image: nginx:1.27\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - source: ./site\n        target: /srv\n',
      errors: [{ messageId: 'required', line: 5 }],
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        required: true\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'required', line: 6 }],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    develop:\n      watch:\n        - path: ./src\n',
      errors: [{ messageId: 'required', line: 6 }],
    },
  ],
});

testRule(duplicateItem, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN, SYS_TIME]\n' },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    command: ["echo", "a", "a"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_ADMIN\n      - NET_ADMIN\n',
      errors: [{ messageId: 'duplicate', line: 6 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_ADMIN\n',
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80", "443:443", "80:80"]\n',
      errors: [{ messageId: 'duplicate', line: 4 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80", "443:443"]\n',
    },
  ],
});
