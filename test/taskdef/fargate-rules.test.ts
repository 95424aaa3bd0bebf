import { testRule } from '../helpers/rule-tester';
import { language, rule, F, E, J } from './util';

/** Moves `key` to the end of the top-level object (where an inserting fix puts it). */
function last(text: string, key: string, value: unknown): string {
  const o = JSON.parse(text);
  delete o[key];
  o[key] = value;
  return J(o);
}
const without = (text: string, key: string) => {
  const o = JSON.parse(text);
  delete o[key];
  return J(o);
};

/** The text left after removing the wrapper: the inner object, still indented one level. */
const unwrapped = (t: string) =>
  t
    .split('\n')
    .map((l, i) => (i === 0 ? l : '  ' + l))
    .join('\n');
const wrapped = J({ taskDefinition: JSON.parse(F()) });
const wrappedTags = J({ taskDefinition: JSON.parse(F()), tags: [{ key: 'team', value: 'a' }] });
testRule(language, rule('TD007'), {
  valid: [
    F(),
    {
      name: 'a member called taskDefinition beside containerDefinitions',
      code: J({ family: 'a', containerDefinitions: [], taskDefinition: {} }),
    },
  ],
  invalid: [
    { code: wrapped, errors: [{ messageId: 'wrapper', line: 2 }], output: unwrapped(F()) },
    {
      name: 'keeps the tags',
      code: wrappedTags,
      errors: [{ messageId: 'wrapper' }],
      output: unwrapped(F()).replace(
        /\n {2}\}$/,
        ',\n    "tags": ' +
          wrappedTags.slice(wrappedTags.indexOf('"tags": ') + 8, wrappedTags.lastIndexOf('\n}')) +
          '\n  }',
      ),
    },
  ],
});

testRule(language, rule('TD100'), {
  valid: [F(), E(), E({ networkMode: 'host' }), F({ networkMode: '${MODE}' })],
  invalid: [
    { code: F({ networkMode: 'bridge' }), errors: [{ messageId: 'wrongMode', data: { mode: 'bridge' } }], output: F() },
    {
      name: 'left out (bridge by default)',
      code: without(F(), 'networkMode'),
      errors: [{ messageId: 'missingMode', line: 4 }],
      output: last(F(), 'networkMode', 'awsvpc'),
    },
  ],
});

testRule(language, rule('TD101'), {
  valid: [
    F(),
    F({ cpu: '1 vCPU', memory: '2 GB' }),
    F({ cpu: '8192', memory: '61440' }),
    F({ cpu: '16384', memory: '122880' }),
    F({ cpu: '${CPU}', memory: '${MEMORY}' }),
    F({ cpu: '0.5 vCPU', memory: '1GB' }),
    E({ cpu: '128', memory: '300' }),
    E(),
  ],
  invalid: [
    {
      code: F({ cpu: '256', memory: '4096' }),
      errors: [{ messageId: 'badPair', data: { cpu: 256, memory: 4096, allowed: '512, 1024, 2048 MiB' } }],
      output: F({ cpu: '256', memory: '2048' }),
    },
    {
      name: 'cpu Fargate does not offer',
      code: F({ cpu: '384', memory: '1024' }),
      errors: [{ messageId: 'badCpuFargate' }],
      output: F({ cpu: '512', memory: '1024' }),
    },
    {
      name: '8192 needs 4 GB steps',
      code: F({ cpu: '8 vCPU', memory: '18432' }),
      errors: [{ messageId: 'badPair', data: { allowed: '16384–61440 MiB in steps of 4096' } }],
      output: F({ cpu: '8 vCPU', memory: '20480' }),
    },
    {
      name: 'memory missing on Fargate',
      code: without(F(), 'memory'),
      errors: [{ messageId: 'missing', data: { key: 'memory' } }],
      output: last(F(), 'memory', '512'),
    },
    {
      name: 'Windows on Fargate starts at 1 vCPU',
      code: F({ cpu: '512', memory: '1024', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
      errors: [{ messageId: 'windowsCpu', data: { cpu: 512 } }],
      output: F({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
      }),
    },
    { name: 'unreadable cpu', code: E({ cpu: 'two' }), errors: [{ messageId: 'badCpu' }] },
    { name: 'unreadable memory', code: E({ memory: '2 TB' }), errors: [{ messageId: 'badMemory' }] },
  ],
});

testRule(language, rule('TD102'), {
  valid: [
    F({ placementConstraints: [] }),
    E({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] }),
  ],
  invalid: [
    {
      code: F({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] }),
      errors: [{ messageId: 'unsupported' }],
    },
  ],
});

testRule(language, rule('TD103'), {
  valid: [
    F({}, { logConfiguration: { logDriver: 'awsfirelens' } }),
    F({}, { logConfiguration: { logDriver: 'splunk' } }),
    E({}, { logConfiguration: { logDriver: 'json-file' } }),
  ],
  invalid: [
    {
      code: F({}, { logConfiguration: { logDriver: 'json-file' } }),
      errors: [{ messageId: 'unsupported', data: { driver: 'json-file' } }],
    },
    {
      code: F({}, { logConfiguration: { logDriver: 'fluentd' } }),
      errors: [{ messageId: 'unsupported', data: { driver: 'fluentd' } }],
    },
  ],
});

testRule(language, rule('TD104'), {
  valid: [F({}, { privileged: false }), E({}, { privileged: true })],
  invalid: [
    { code: F({}, { privileged: true }), errors: [{ messageId: 'privileged', data: { name: 'app' } }], output: F() },
  ],
});

testRule(language, rule('TD105'), {
  valid: [E({}, { links: ['db'] }, [{ name: 'db', image: 'postgres:16', memory: 256 }]), F({}, { links: [] })],
  invalid: [
    { code: F({}, { links: ['db'] }), errors: [{ messageId: 'links', data: { why: 'on Fargate' } }] },
    {
      code: E({ networkMode: 'awsvpc' }, { links: ['db'] }),
      errors: [{ messageId: 'links', data: { why: 'with networkMode "awsvpc"' } }],
    },
    {
      code: E({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }, { links: ['db'] }),
      errors: [{ messageId: 'links', data: { why: 'on Windows' } }],
    },
  ],
});

testRule(language, rule('TD106'), {
  valid: [
    F({}, { portMappings: [{ containerPort: 80, hostPort: 80 }] }),
    E({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
  ],
  invalid: [
    {
      code: F({}, { portMappings: [{ containerPort: 3000, hostPort: 80 }] }),
      errors: [{ messageId: 'mismatch', data: { mode: 'awsvpc', hostPort: 80, containerPort: 3000 } }],
      output: F({}, { portMappings: [{ containerPort: 3000, hostPort: 3000 }] }),
    },
    {
      name: 'host mode on EC2',
      code: E({ networkMode: 'host' }, { portMappings: [{ containerPort: 80, hostPort: 0 }] }),
      errors: [{ messageId: 'mismatch', data: { mode: 'host' } }],
      output: E({ networkMode: 'host' }, { portMappings: [{ containerPort: 80, hostPort: 80 }] }),
    },
  ],
});

testRule(language, rule('TD107'), {
  valid: [
    F({}, { linuxParameters: { initProcessEnabled: true, capabilities: { add: ['SYS_PTRACE'] } } }),
    E({ ipcMode: 'host' }, { linuxParameters: { sharedMemorySize: 512 } }),
    F({ pidMode: 'task' }),
  ],
  invalid: [
    {
      code: F({}, { linuxParameters: { sharedMemorySize: 512, capabilities: { add: ['NET_ADMIN'] } } }),
      errors: [{ messageId: 'unsupported' }, { messageId: 'unsupported' }],
    },
    {
      code: F({ ipcMode: 'task', pidMode: 'host' }),
      errors: [{ messageId: 'unsupported' }, { messageId: 'unsupported' }],
    },
    {
      code: F({
        volumes: [
          { name: 'data', host: { sourcePath: '/data' } },
          { name: 'd2', dockerVolumeConfiguration: { scope: 'task' } },
        ],
      }),
      errors: [{ messageId: 'unsupported' }, { messageId: 'unsupported' }],
    },
  ],
});

testRule(language, rule('TD108'), {
  valid: [
    E({ requiresCompatibilities: ['EXTERNAL'], networkMode: 'host' }),
    E({ requiresCompatibilities: ['EXTERNAL'] }),
    E({ networkMode: 'awsvpc' }),
  ],
  invalid: [
    { code: E({ requiresCompatibilities: ['EXTERNAL'], networkMode: 'awsvpc' }), errors: [{ messageId: 'awsvpc' }] },
  ],
});

const win = (arch: string) =>
  F({
    cpu: '1024',
    memory: '2048',
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE', cpuArchitecture: arch },
  });
testRule(language, rule('TD109'), {
  valid: [win('X86_64'), F({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } })],
  invalid: [
    {
      code: win('ARM64'),
      errors: [{ messageId: 'arm', data: { os: 'WINDOWS_SERVER_2019_CORE' } }],
      output: win('X86_64'),
    },
  ],
});
