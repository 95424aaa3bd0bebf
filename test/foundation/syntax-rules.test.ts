import { language as compose } from '../../server/src/languages/compose';
import { language as dockerfile } from '../../server/src/languages/dockerfile';
import { language as dockerignore } from '../../server/src/languages/dockerignore';
import { language as nix } from '../../server/src/languages/nix';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { language as workflow } from '../../server/src/languages/workflow';
import { testRule } from '../helpers/rule-tester';

const rule = (l: { rules: any[] }, code: string) => l.rules.find((r) => r.meta.code === code)!;

testRule(compose, rule(compose, 'CP000'), {
  valid: ['services:\n  app:\n    image: nginx:1.27\n', ''],
  invalid: [
    { code: 'services:\n  app:\n    image: "nginx\n', errors: [{ messageId: 'syntax' }] },
    { code: 'services:\n  a: {}\n  a: {}\n', errors: [{ messageId: 'duplicateKey', line: 3, column: 3 }] },
  ],
});
testRule(workflow, rule(workflow, 'WF000'), {
  valid: ['on: push\njobs: {}\n'],
  invalid: [{ code: 'on: push\njobs:\n  b:\n    runs-on: [x\n', errors: [{ messageId: 'syntax' }] }],
});
testRule(taskdef, rule(taskdef, 'TD000'), {
  valid: ['{ "family": "a", "containerDefinitions": [] }'],
  invalid: [{ code: '{\n  "family": "a",\n}', errors: [{ messageId: 'syntax', line: 3, column: 1 }] }],
});
testRule(dockerfile, rule(dockerfile, 'DF001'), {
  valid: [
    'FROM alpine:3.20\nRUN echo hi\n',
    '# comment only\n',
    { name: 'an ignored line', code: 'FROM alpine:3.20\n# shipshape-ignore DF001\nFRUM x\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nFRUM x\n',
      errors: [{ messageId: 'unknown', line: 2, column: 1, endColumn: 5, data: { word: 'FRUM' } }],
      output: 'FROM alpine:3.20\nFROM x\n',
    },
    {
      name: 'no guess for a word far from every instruction',
      code: 'FROM alpine:3.20\nBANANAS x\n',
      errors: [{ messageId: 'unknown', line: 2 }],
    },
    {
      name: 'an ignore for another code does not hide it',
      code: 'FROM alpine:3.20\n# shipshape-ignore DL3007\nFRUM x\n',
      errors: [{ messageId: 'unknown', line: 3 }],
      output: 'FROM alpine:3.20\n# shipshape-ignore DL3007\nFROM x\n',
    },
  ],
});
testRule(dockerignore, rule(dockerignore, 'DI001'), {
  valid: ['node_modules\n*.log\n!keep.log\nlogs/[0-9]*.log\n'],
  invalid: [{ code: 'node_modules\n  logs/[0-9.log\n', errors: [{ messageId: 'invalid', line: 2, column: 3 }] }],
});
testRule(nix, rule(nix, 'NX000'), {
  valid: ["{ pkgs }: { a = \"x\"; b = ''\n  y''$z\n''; }\n"],
  // Nix reports an unclosed brace where the input ends (line 2); we match it.
  invalid: [{ code: '{ pkgs }: {\n  a = 1;\n', errors: [{ messageId: 'syntax', line: 2 }] }],
});
