/** Table tests of the task definition security rules (TD4xx). */
import { language } from '../../server/src/languages/taskdef';
import { ec2Example, fargateExample } from '../../server/src/languages/taskdef/examples';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};

testRule(language, r('TD400'), {
  valid: [ec2Example(), ec2Example({}, { privileged: false }), fargateExample({}, { privileged: true })],
  invalid: [
    { code: ec2Example({}, { privileged: true }), errors: [{ messageId: 'privileged', data: { name: 'app' } }] },
  ],
});

testRule(language, r('TD401'), {
  valid: [ec2Example({ pidMode: 'task' }), ec2Example({ ipcMode: 'none' }), fargateExample({ pidMode: 'host' })],
  invalid: [
    { code: ec2Example({ pidMode: 'host' }), errors: [{ messageId: 'host', data: { key: 'pidMode' } }] },
    { code: ec2Example({ ipcMode: 'host' }), errors: [{ messageId: 'host', data: { key: 'ipcMode' } }] },
  ],
});

testRule(language, r('TD402'), {
  valid: [
    ec2Example({ networkMode: 'bridge' }),
    ec2Example({ networkMode: 'host' }, { portMappings: undefined }),
    ec2Example({ networkMode: 'awsvpc' }),
  ],
  invalid: [
    {
      code: ec2Example({ networkMode: 'host' }, { portMappings: [{ containerPort: 80, hostPort: 80 }] }),
      errors: [{ messageId: 'host', data: { names: '"app"' } }],
    },
  ],
});

testRule(language, r('TD403'), {
  valid: [
    ec2Example({}, { linuxParameters: { capabilities: { add: ['NET_BIND_SERVICE'] } } }),
    fargateExample({}, { linuxParameters: { capabilities: { add: ['SYS_PTRACE'] } } }),
  ],
  invalid: [
    {
      code: ec2Example({}, { linuxParameters: { capabilities: { add: ['SYS_ADMIN', 'CAP_NET_ADMIN', 'CHOWN'] } } }),
      errors: [
        { messageId: 'cap', data: { cap: 'SYS_ADMIN' } },
        { messageId: 'cap', data: { cap: 'NET_ADMIN' } },
      ],
    },
  ],
});

const efs = (extra: Record<string, unknown> = {}) =>
  fargateExample({ volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1', ...extra } }] });
testRule(language, r('TD404'), {
  valid: [efs({ transitEncryption: 'ENABLED' }), fargateExample({ volumes: [{ name: 'scratch' }] })],
  invalid: [
    {
      code: efs(),
      errors: [{ messageId: 'missing', data: { name: 'data' } }],
      output: efs().replace(
        '"fileSystemId": "fs-1"',
        '"fileSystemId": "fs-1",\n        "transitEncryption": "ENABLED"',
      ),
    },
    {
      code: efs({ transitEncryption: 'DISABLED' }),
      errors: [{ messageId: 'disabled' }],
      output: efs({ transitEncryption: 'ENABLED' }),
    },
  ],
});

testRule(language, r('TD405'), {
  valid: [
    fargateExample({}, { user: '1000' }),
    fargateExample(),
    fargateExample({}, { user: '${APP_USER}' }),
    fargateExample({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }, { user: 'root' }),
  ],
  invalid: [
    { code: fargateExample({}, { user: 'root' }), errors: [{ messageId: 'root' }] },
    { code: fargateExample({}, { user: '0:0' }), errors: [{ messageId: 'root', data: { user: '0:0' } }] },
  ],
});

testRule(language, r('TD406'), {
  valid: [ec2Example({}, { dockerSecurityOptions: ['no-new-privileges', 'apparmor:docker-default'] })],
  invalid: [
    {
      code: ec2Example({}, { dockerSecurityOptions: ['apparmor:unconfined', 'label:disable'] }),
      errors: [{ messageId: 'off' }, { messageId: 'off' }],
    },
  ],
});

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
testRule(language, r('TD407'), {
  valid: [
    fargateExample({ taskRoleArn: role('app') }),
    fargateExample({}),
    fargateExample({ executionRoleArn: role('app'), taskRoleArn: 'arn:aws:iam::210987654321:role/app' }),
    fargateExample({ executionRoleArn: '${EXECUTION_ROLE}', taskRoleArn: '${EXECUTION_ROLE}' }),
  ],
  invalid: [
    {
      code: fargateExample({ executionRoleArn: role('app'), taskRoleArn: role('app') }),
      errors: [{ messageId: 'same', data: { arn: role('app') } }],
    },
    { code: fargateExample({ executionRoleArn: role('app'), taskRoleArn: 'app' }), errors: [{ messageId: 'same' }] },
  ],
});
