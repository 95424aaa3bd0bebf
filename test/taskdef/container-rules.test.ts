import { testRule } from '../helpers/rule-tester';
import { language, rule, F, E, J } from './util';

const last = (text: string, key: string, value: unknown) => {
  const o = JSON.parse(text);
  delete o[key];
  o[key] = value;
  return J(o);
};
const without = (text: string, key: string) => {
  const o = JSON.parse(text);
  delete o[key];
  return J(o);
};
const side = (o: object = {}) => ({ name: 'sidecar', image: 'busybox:1.36', essential: false, ...o });
const awslogs = (options: object) => ({ logConfiguration: { logDriver: 'awslogs', options } });

testRule(language, rule('TD200'), {
  valid: [F(), F({}, { essential: undefined }), F({}, { essential: false }, [side({ essential: true })])],
  invalid: [
    { code: F({}, { essential: false }, [side()]), errors: [{ messageId: 'none' }] },
    { code: J({ family: 'web', containerDefinitions: [] }), errors: [{ messageId: 'empty' }] },
  ],
});

testRule(language, rule('TD201'), {
  valid: [F({}, {}, [side()])],
  invalid: [{ code: F({}, {}, [side({ name: 'app' })]), errors: [{ messageId: 'duplicate', data: { name: 'app' } }] }],
});

testRule(language, rule('TD202'), {
  valid: [
    F({}, { cpu: 128, memory: 256 }, [side({ cpu: 128, memoryReservation: 256 })]),
    F({ cpu: '1 vCPU', memory: '2 GB' }, { cpu: 1024, memory: 2048 }),
    E(),
  ],
  invalid: [
    { code: F({}, { cpu: 256 }, [side({ cpu: 128 })]), errors: [{ messageId: 'cpu', data: { sum: 384, task: 256 } }] },
    {
      code: F({}, { memoryReservation: 400 }, [side({ memory: 200 })]),
      errors: [{ messageId: 'memory', data: { sum: 600, task: 512 } }],
    },
    {
      name: 'one hard limit above the task',
      code: F({}, { memory: 1024, memoryReservation: 256 }),
      errors: [{ messageId: 'oneMemory', data: { value: 1024, task: 512 } }],
    },
  ],
});

testRule(language, rule('TD203'), {
  valid: [E(), E({}, { memory: undefined, memoryReservation: 128 }), E({ memory: '1024' }, { memory: undefined }), F()],
  invalid: [{ code: E({}, { memory: undefined }), errors: [{ messageId: 'missing', data: { name: 'app' } }] }],
});

testRule(language, rule('TD204'), {
  valid: [E({}, { memory: 512, memoryReservation: 256 }), E({}, { memory: 256, memoryReservation: 256 })],
  invalid: [
    {
      code: E({}, { memory: 256, memoryReservation: 512 }),
      errors: [{ messageId: 'exceeds', data: { reservation: 512, memory: 256 } }],
    },
  ],
});

testRule(language, rule('TD205'), {
  valid: [
    F({}, { dependsOn: [{ containerName: 'sidecar', condition: 'START' }] }, [side()]),
    F({}, { dependsOn: [{ containerName: '${DEP}', condition: 'START' }] }),
  ],
  invalid: [
    {
      code: F({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [side()]),
      errors: [{ messageId: 'unknown', data: { target: 'migrate' } }],
    },
    { code: F({}, { dependsOn: [{ containerName: 'app', condition: 'START' }] }), errors: [{ messageId: 'self' }] },
  ],
});

testRule(language, rule('TD206'), {
  valid: [
    F({}, { dependsOn: [{ containerName: 'sidecar', condition: 'HEALTHY' }] }, [
      side({ healthCheck: { command: ['CMD', 'true'] } }),
    ]),
    F({}, { dependsOn: [{ containerName: 'sidecar', condition: 'COMPLETE' }] }, [side()]),
  ],
  invalid: [
    {
      code: F({}, { dependsOn: [{ containerName: 'sidecar', condition: 'HEALTHY' }] }, [side()]),
      errors: [{ messageId: 'noHealthCheck', data: { target: 'sidecar' } }],
    },
  ],
});

testRule(language, rule('TD207'), {
  valid: [
    F({}, { healthCheck: { command: ['CMD', 'curl', '-f', 'http://localhost/'] } }),
    F({}, { healthCheck: { command: ['CMD-SHELL', 'exit 0'] } }),
  ],
  invalid: [
    {
      code: F({}, { healthCheck: { command: ['curl -f http://localhost/ || exit 1'] } }),
      errors: [{ messageId: 'badStart' }],
      output: F({}, { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }).replace(
        '[\n          "CMD-SHELL",\n          "curl',
        '[\n          "CMD-SHELL", "curl',
      ),
    },
    { code: F({}, { healthCheck: { command: [] } }), errors: [{ messageId: 'empty' }] },
  ],
});

testRule(language, rule('TD208'), {
  valid: [F({}, { healthCheck: { command: ['CMD', 'true'], interval: 5, timeout: 2, retries: 10, startPeriod: 300 } })],
  invalid: [
    {
      code: F({}, { healthCheck: { command: ['CMD', 'true'], interval: 1 } }),
      errors: [{ messageId: 'outOfBounds', data: { key: 'interval', min: 5, max: 300 } }],
    },
    {
      code: F({}, { healthCheck: { command: ['CMD', 'true'], timeout: 121, retries: 0, startPeriod: 301 } }),
      errors: [{ messageId: 'outOfBounds' }, { messageId: 'outOfBounds' }, { messageId: 'outOfBounds' }],
    },
  ],
});

testRule(language, rule('TD209'), {
  valid: [
    F(
      {},
      {
        portMappings: [
          { name: 'http', containerPort: 80 },
          { name: 'admin', containerPort: 8080 },
        ],
      },
    ),
  ],
  invalid: [
    {
      code: F({}, { portMappings: [{ containerPort: 70000 }] }),
      errors: [{ messageId: 'range', data: { value: 70000 } }],
    },
    {
      code: F({}, { portMappings: [{ name: 'http', containerPort: 80 }] }, [
        side({ portMappings: [{ name: 'http', containerPort: 81 }] }),
      ]),
      errors: [{ messageId: 'duplicateName' }],
    },
    { code: E({ networkMode: 'none' }), errors: [{ messageId: 'noneMode' }] },
  ],
});

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0';
const fullLogs = { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' };
testRule(language, rule('TD210'), {
  valid: [
    F({}, awslogs(fullLogs)),
    E({}, awslogs({ 'awslogs-group': 'g', 'awslogs-region': 'us-gov-west-1' })),
    F({}, awslogs({ ...fullLogs, 'awslogs-region': '${AWS_REGION}' })),
  ],
  invalid: [
    {
      code: F({}, awslogs({ 'awslogs-group': '/ecs/web' })),
      errors: [
        {
          messageId: 'missing',
          data: { options: '"awslogs-region" and "awslogs-stream-prefix" (required on Fargate)' },
        },
      ],
      acceptSnippets: true,
      output: F(
        {},
        awslogs({ 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' }),
      ),
    },
    {
      name: 'the region of the ECR image: a plain fix',
      code: F({}, { image: ECR, ...awslogs({ 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' }) }),
      errors: [{ messageId: 'missing', data: { options: '"awslogs-region"' } }],
      output: F(
        {},
        {
          image: ECR,
          ...awslogs({ 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs', 'awslogs-region': 'eu-west-1' }),
        },
      ),
    },
    {
      name: 'no options at all',
      code: E({}, { logConfiguration: { logDriver: 'awslogs' } }),
      errors: [{ messageId: 'missing' }],
      acceptSnippets: true,
      output: E({}, { logConfiguration: { logDriver: 'awslogs' } }).replace(
        '"awslogs"',
        '"awslogs",\n        "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" }',
      ),
    },
    {
      name: 'a region that does not exist',
      code: F({}, awslogs({ ...fullLogs, 'awslogs-region': 'us-east-3' })),
      errors: [{ messageId: 'badRegionSuggest', data: { suggestion: 'us-east-1' } }],
      output: F({}, awslogs({ ...fullLogs, 'awslogs-region': 'us-east-1' })),
    },
    {
      name: 'not a region code at all',
      code: F({}, awslogs({ ...fullLogs, 'awslogs-region': 'Frankfurt' })),
      errors: [{ messageId: 'badRegion' }],
    },
  ],
});

testRule(language, rule('TD211'), {
  valid: [
    F(
      {},
      {
        secrets: [
          { name: 'A', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' },
          { name: 'B', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::' },
          { name: 'C', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password' },
          { name: 'D', valueFrom: '/prod/db/password' },
          { name: 'E', valueFrom: 'arn:aws:secretsmanager:region:account:secret:db-url' },
          { name: 'F', valueFrom: 'arn:aws:secretsmanager:${AWS_REGION}:${ACCOUNT}:secret:x' },
        ],
      },
    ),
  ],
  invalid: [
    {
      code: F({}, { secrets: [{ name: 'A', valueFrom: 'secretsmanager:db-password' }] }),
      errors: [{ messageId: 'invalid' }],
    },
    {
      code: F({}, { secrets: [{ name: 'A', valueFrom: 'arn:aws:s3:::bucket/key' }] }),
      errors: [{ messageId: 'invalid' }],
    },
  ],
});

const roleFix = (t: string, account = '') =>
  last(t, 'executionRoleArn', `arn:aws:iam::${account}:role/ecsTaskExecutionRole`);
const noRole = (container: Record<string, unknown> = {}) => without(F({}, container), 'executionRoleArn');
testRule(language, rule('TD212'), {
  valid: [
    F({}, { secrets: [{ name: 'A', valueFrom: 'a' }] }),
    without(F(), 'executionRoleArn'),
    E({}, awslogs({ 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' })),
    noRole({ image: 'public.ecr.aws/nginx/nginx:1.27' }),
  ],
  invalid: [
    {
      code: noRole({ secrets: [{ name: 'A', valueFrom: 'a' }] }),
      errors: [{ messageId: 'needed' }],
      acceptSnippets: true,
      output: roleFix(noRole({ secrets: [{ name: 'A', valueFrom: 'a' }] })),
    },
    {
      code: noRole(awslogs(fullLogs)),
      errors: [{ messageId: 'needed' }],
      acceptSnippets: true,
      output: roleFix(noRole(awslogs(fullLogs))),
    },
    {
      code: noRole({ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0' }),
      errors: [{ messageId: 'needed' }],
      // the account of the ECR image's host: a plain fix
      output: roleFix(noRole({ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0' }), '123456789012'),
    },
    {
      name: 'secrets on EC2 too',
      code: E({}, { secrets: [{ name: 'A', valueFrom: 'a' }] }),
      errors: [{ messageId: 'needed' }],
      acceptSnippets: true,
      output: roleFix(E({}, { secrets: [{ name: 'A', valueFrom: 'a' }] })),
    },
  ],
});

testRule(language, rule('TD213'), {
  valid: [
    F({ taskRoleArn: 'appRole', executionRoleArn: 'arn:aws:iam::123456789012:role/service-role/ecsTaskExecutionRole' }),
    F({ executionRoleArn: 'arn:aws:iam::${AWS_ACCOUNT_ID}:role/exec' }),
    F({ executionRoleArn: 'arn:aws-cn:iam::123456789012:role/exec' }),
    F({}, { environmentFiles: [{ value: 'arn:aws:s3:::my-bucket/app.env', type: 's3' }] }),
  ],
  invalid: [
    {
      code: F({ executionRoleArn: 'arn:aws:iam:123456789012:ecsTaskExecutionRole' }),
      errors: [{ messageId: 'invalid' }],
    },
    {
      code: F(
        {},
        { repositoryCredentials: { credentialsParameter: 'arn:aws:ssm:eu-west-1:123456789012:parameter/x' } },
      ),
      errors: [{ messageId: 'invalid' }],
    },
    {
      code: F({}, { environmentFiles: [{ value: 's3://my-bucket/app.env', type: 's3' }] }),
      errors: [{ messageId: 'invalid' }],
    },
    {
      code: F({}, { secrets: [{ name: 'A', valueFrom: 'arn:aws:ssm:eu-wast-1:123456789012:parameter/x' }] }),
      errors: [{ messageId: 'region', data: { region: 'eu-wast-1' } }],
    },
  ],
});
