/**
 * The ECS limits of server/src/languages/taskdef/data/limits.json, one table per rule, every case tagged with the fact
 * it exercises: each fact of the file has a failing and a passing case (the last test checks it), so a fact never sits
 * in the data without a check behind it, and each fact's severity follows when ECS enforces it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRule, type InvalidCase, type ValidCase } from '../helpers/rule-tester';
import { LIMITS, severityOf } from '../../server/src/languages/taskdef/limits';
import { language, rule, F, E, J } from './util';

type Tagged<C> = C & { fact: string };
const tables = new Map<string, { valid: Tagged<ValidCase>[]; invalid: Tagged<InvalidCase>[] }>();
function cases(code: string, fact: string, valid: (string | ValidCase)[], invalid: InvalidCase[]): void {
  const t = tables.get(code) ?? { valid: [], invalid: [] };
  tables.set(code, t);
  for (const v of valid) t.valid.push({ ...(typeof v === 'string' ? { code: v } : v), fact });
  for (const i of invalid) t.invalid.push({ ...i, fact });
}

const WIN = { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' };
const winTask = (task: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  F({ cpu: '1024', memory: '2048', runtimePlatform: WIN, ...task }, container);
const side = (o: Record<string, unknown> = {}) => ({ name: 'sidecar', image: 'busybox:1.36', essential: false, ...o });
const router = {
  name: 'log_router',
  image: 'amazon/aws-for-fluent-bit:stable',
  firelensConfiguration: { type: 'fluentbit' },
};
const awslogs = (options: Record<string, unknown>) => ({
  logConfiguration: {
    logDriver: 'awslogs',
    options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web', ...options },
  },
});
const splunk = (options: Record<string, unknown>, secretOptions?: object[]) => ({
  logConfiguration: { logDriver: 'splunk', options, ...(secretOptions ? { secretOptions } : {}) },
});
const envFiles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `arn:aws:s3:::cfg/${i}.env`, type: 's3' }));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// ---- errors: ECS refuses the registration ---------------------------------------------------------------------------

cases(
  'TD120',
  'ephemeral-storage',
  [F({ ephemeralStorage: { sizeInGiB: 21 } }), F({ ephemeralStorage: { sizeInGiB: 200 } })],
  [
    {
      code: F({ ephemeralStorage: { sizeInGiB: 20 } }),
      errors: [{ messageId: 'range', data: { value: 20, bounds: 'between 21 and 200 GiB' } }],
      output: F({ ephemeralStorage: { sizeInGiB: 21 } }),
    },
    {
      code: F({ ephemeralStorage: { sizeInGiB: 500 } }),
      errors: [{ messageId: 'range' }],
      output: F({ ephemeralStorage: { sizeInGiB: 200 } }),
    },
  ],
);
cases(
  'TD120',
  'ec2-task-cpu',
  [E({ cpu: '128' }), E({ cpu: '192 vCPU' }), E(), winTask({ requiresCompatibilities: ['EC2'], cpu: '64' })],
  [
    {
      name: 'EC2 task cpu below 128 units',
      code: E({ cpu: '64' }),
      errors: [{ messageId: 'range', data: { key: 'Task cpu', value: 64 } }],
      output: E({ cpu: '128' }),
    },
    {
      name: 'EC2 task cpu above 192 vCPU',
      code: E({ cpu: 262144 }),
      errors: [{ messageId: 'range' }],
      output: E({ cpu: 196608 }),
    },
  ],
);
cases(
  'TD120',
  'fargate-start-timeout',
  [F({}, { startTimeout: 120 }), E({}, { startTimeout: 600 })],
  [{ code: F({}, { startTimeout: 300 }), errors: [{ messageId: 'range' }], output: F({}, { startTimeout: 120 }) }],
);
cases(
  'TD120',
  'fargate-stop-timeout',
  [F({}, { stopTimeout: 2 })],
  [{ code: F({}, { stopTimeout: 1 }), errors: [{ messageId: 'range' }], output: F({}, { stopTimeout: 2 }) }],
);
cases(
  'TD120',
  'restart-attempt-period',
  [F({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 60 } })],
  [
    {
      code: F({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 10 } }),
      errors: [{ messageId: 'range' }],
      output: F({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 60 } }),
    },
  ],
);

cases(
  'TD122',
  'containers-per-task',
  [
    F(
      {},
      {},
      range(9).map((i) => side({ name: `s${i}` })),
    ),
  ],
  [
    {
      name: 'eleven containers',
      code: F(
        {},
        {},
        range(10).map((i) => side({ name: `s${i}` })),
      ),
      errors: [{ messageId: 'tooMany', data: { count: 11, max: 10 } }],
    },
  ],
);
cases(
  'TD122',
  'placement-constraints-per-task',
  [E({ placementConstraints: range(10).map((i) => ({ type: 'memberOf', expression: `attribute:n == ${i}` })) })],
  [
    {
      code: E({
        placementConstraints: range(11).map((i) => ({ type: 'memberOf', expression: `attribute:n == ${i}` })),
      }),
      errors: [{ messageId: 'tooMany' }],
    },
  ],
);
cases(
  'TD122',
  'environment-files-per-container',
  [F({}, { environmentFiles: envFiles(10) })],
  [{ code: F({}, { environmentFiles: envFiles(11) }), errors: [{ messageId: 'tooMany', data: { count: 11 } }] }],
);
cases(
  'TD122',
  'credential-specs-per-container',
  [E({}, { credentialSpecs: ['credentialspec:arn:aws:s3:::bucket/gmsa.json'] })],
  [
    {
      code: E(
        {},
        { credentialSpecs: ['credentialspec:arn:aws:s3:::b/a.json', 'credentialspec:arn:aws:s3:::b/c.json'] },
      ),
      errors: [{ messageId: 'tooMany', data: { max: 1 } }],
    },
  ],
);
cases(
  'TD122',
  'ignored-exit-codes',
  [F({}, { restartPolicy: { enabled: true, ignoredExitCodes: range(50) } })],
  [
    {
      code: F({}, { restartPolicy: { enabled: true, ignoredExitCodes: range(51) } }),
      errors: [{ messageId: 'tooMany', data: { max: 50 } }],
    },
  ],
);
cases(
  'TD122',
  'port-ranges-per-container',
  [F({}, { portMappings: range(100).map((i) => ({ containerPortRange: `${10000 + i * 10}-${10005 + i * 10}` })) })],
  [
    {
      code: F(
        {},
        { portMappings: range(101).map((i) => ({ containerPortRange: `${10000 + i * 10}-${10005 + i * 10}` })) },
      ),
      errors: [{ messageId: 'tooMany', data: { max: 100 } }],
    },
  ],
);

cases(
  'TD121',
  'port-one-protocol',
  [F({}, { portMappings: [{ containerPort: 53 }, { containerPort: 5353, protocol: 'udp' }] })],
  [
    {
      code: F({}, { portMappings: [{ containerPort: 53 }, { containerPort: 53, protocol: 'udp' }] }),
      errors: [{ messageId: 'twoProtocols', data: { port: 53, first: 'tcp', second: 'udp' } }],
    },
  ],
);
cases(
  'TD121',
  'port-once-per-container',
  [
    F({}, { portMappings: [{ containerPort: 80 }] }, [side({ portMappings: [{ containerPort: 8080 }] })]),
    F({}, { portMappings: [{ containerPortRange: '7000-7010' }, { containerPortRange: '7011-7020' }] }),
  ],
  [
    {
      name: 'one port twice',
      code: F({}, { portMappings: [{ containerPort: 8080 }, { containerPort: 8080, name: 'admin' }] }),
      errors: [{ messageId: 'twice', data: { port: 8080 } }],
    },
    {
      name: 'a port inside a range',
      code: F({}, { portMappings: [{ containerPortRange: '7000-7010' }, { containerPort: 7005 }] }),
      errors: [{ messageId: 'twice', data: { port: 7005 } }],
    },
    {
      name: 'overlapping ranges',
      code: F({}, { portMappings: [{ containerPortRange: '7000-7010' }, { containerPortRange: '7010-7020' }] }),
      errors: [{ messageId: 'twice', data: { port: 7010 } }],
    },
  ],
);
cases(
  'TD121',
  'port-range-form',
  [E({ networkMode: 'bridge' }, { portMappings: [{ containerPortRange: '9000-9099' }] })],
  [
    {
      code: F({}, { portMappings: [{ containerPortRange: '9099-9000' }] }),
      errors: [{ messageId: 'rangeForm' }],
    },
    { code: F({}, { portMappings: [{ containerPortRange: '9000:9099' }] }), errors: [{ messageId: 'rangeForm' }] },
    { code: F({}, { portMappings: [{ containerPortRange: '0-100' }] }), errors: [{ messageId: 'rangeForm' }] },
    {
      code: E({ networkMode: 'host' }, { portMappings: [{ containerPortRange: '9000-9099' }] }),
      errors: [{ messageId: 'rangeMode', data: { mode: 'host' } }],
    },
    {
      code: E({}, { portMappings: [{ containerPortRange: '9000-9099', hostPort: 9000 }] }),
      errors: [{ messageId: 'rangeHostPort' }],
    },
  ],
);

cases(
  'TD123',
  'firelens-router',
  [
    F({}, { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } }, [router]),
    F({}, awslogs({})),
  ],
  [
    {
      code: F({}, { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } }),
      errors: [{ messageId: 'noRouter', data: { name: 'app' } }],
    },
  ],
);

cases(
  'TD124',
  'dependency-on-essential',
  [
    F({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [side({ name: 'migrate' })]),
    F({}, { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }, [
      side({ name: 'db', essential: true, healthCheck: { command: ['CMD', 'pg_isready'] } }),
    ]),
  ],
  [
    {
      code: F({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [
        side({ name: 'migrate', essential: true }),
      ]),
      errors: [{ messageId: 'essential', data: { target: 'migrate', condition: 'SUCCESS' } }],
      output: F({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [side({ name: 'migrate' })]),
    },
    {
      name: 'essential by default',
      code: F({}, { dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }, [
        { name: 'init', image: 'busybox:1.36' },
      ]),
      errors: [{ messageId: 'essential' }],
      output: F({}, { dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }, [
        { name: 'init', image: 'busybox:1.36', essential: false },
      ]),
    },
  ],
);

// The facts the older rules read from the same file.
cases(
  'TD208',
  'health-check-interval',
  [F({}, { healthCheck: { command: ['CMD', 'true'], interval: 300 } })],
  [{ code: F({}, { healthCheck: { command: ['CMD', 'true'], interval: 4 } }), errors: [{ messageId: 'outOfBounds' }] }],
);
cases(
  'TD208',
  'health-check-timeout',
  [F({}, { healthCheck: { command: ['CMD', 'true'], timeout: 60 } })],
  [
    {
      name: 'timeout above 60 seconds',
      code: F({}, { healthCheck: { command: ['CMD', 'true'], timeout: 90 } }),
      errors: [{ messageId: 'outOfBounds', data: { max: 60 } }],
    },
  ],
);
cases(
  'TD208',
  'health-check-retries',
  [F({}, { healthCheck: { command: ['CMD', 'true'], retries: 10 } })],
  [{ code: F({}, { healthCheck: { command: ['CMD', 'true'], retries: 0 } }), errors: [{ messageId: 'outOfBounds' }] }],
);
cases(
  'TD208',
  'health-check-start-period',
  [F({}, { healthCheck: { command: ['CMD', 'true'], startPeriod: 0 } })],
  [
    {
      code: F({}, { healthCheck: { command: ['CMD', 'true'], startPeriod: 301 } }),
      errors: [{ messageId: 'outOfBounds' }],
    },
  ],
);
cases(
  'TD101',
  'fargate-sizes',
  [F({ cpu: '8192', memory: '20480' }), F({ cpu: '16384', memory: '122880' })],
  [
    {
      code: F({ cpu: '8192', memory: '18432' }),
      errors: [{ messageId: 'badPair' }],
      output: F({ cpu: '8192', memory: '20480' }),
    },
  ],
);
cases(
  'TD101',
  'fargate-windows-cpu',
  [winTask()],
  [{ code: winTask({ cpu: '512' }), errors: [{ messageId: 'windowsCpu' }], output: winTask({ cpu: '1024' }) }],
);
cases(
  'TD103',
  'fargate-log-drivers',
  [F({}, splunk({ 'splunk-url': 'https://splunk:8088', 'splunk-token': 't' }))],
  [{ code: F({}, { logConfiguration: { logDriver: 'gelf' } }), errors: [{ messageId: 'unsupported' }] }],
);
cases(
  'TD107',
  'fargate-invalid-parameters',
  [E({}, { dnsServers: ['10.0.0.2'] }), F({}, { linuxParameters: { initProcessEnabled: true } })],
  [
    {
      code: F({}, { dnsServers: ['10.0.0.2'] }),
      errors: [{ messageId: 'unsupported', data: { what: '"dnsServers"' } }],
    },
    {
      code: F({}, { extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }] }),
      errors: [{ messageId: 'unsupported' }],
    },
    {
      code: F({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }),
      errors: [{ messageId: 'unsupported' }],
    },
    { code: F({}, { dockerSecurityOptions: ['no-new-privileges'] }), errors: [{ messageId: 'unsupported' }] },
  ],
);

// ---- warnings: refused or ignored when the task starts --------------------------------------------------------------

cases(
  'TD220',
  'linux-only-parameters',
  [winTask(), F({}, { user: '1000' })],
  [
    { code: winTask({}, { user: 'ContainerUser' }), errors: [{ messageId: 'linuxOnly', data: { what: '"user"' } }] },
    {
      code: winTask({}, { readonlyRootFilesystem: true, ulimits: [{ name: 'nofile', softLimit: 1, hardLimit: 1 }] }),
      errors: [{ messageId: 'linuxOnly' }, { messageId: 'linuxOnly' }],
    },
    { code: winTask({ pidMode: 'task' }), errors: [{ messageId: 'linuxOnly', data: { what: '"pidMode"' } }] },
  ],
);
cases(
  'TD220',
  'windows-network-modes',
  [winTask({ requiresCompatibilities: ['EC2'], networkMode: undefined })],
  [
    {
      code: winTask({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' }),
      errors: [{ messageId: 'windowsMode' }],
    },
  ],
);
cases(
  'TD220',
  'windows-volume-driver',
  [
    winTask({
      requiresCompatibilities: ['EC2'],
      volumes: [{ name: 'd', dockerVolumeConfiguration: { driver: 'local' } }],
    }),
  ],
  [
    {
      code: winTask({
        requiresCompatibilities: ['EC2'],
        volumes: [{ name: 'd', dockerVolumeConfiguration: { driver: 'rexray/ebs' } }],
      }),
      errors: [{ messageId: 'windowsDriver', data: { driver: 'rexray/ebs' } }],
    },
  ],
);
const fsx = {
  name: 'share',
  fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-0123', rootDirectory: 'share' },
};
cases(
  'TD220',
  'windows-only-volumes',
  [winTask({ volumes: [fsx] }), E({ volumes: [fsx] })],
  [{ code: F({ volumes: [fsx] }), errors: [{ messageId: 'windowsOnly' }] }],
);
cases(
  'TD220',
  'fargate-windows-os',
  [winTask({ runtimePlatform: { ...WIN, operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } })],
  [
    {
      code: winTask({ runtimePlatform: { ...WIN, operatingSystemFamily: 'WINDOWS_SERVER_2016_FULL' } }),
      errors: [{ messageId: 'fargateOs', data: { os: 'WINDOWS_SERVER_2016_FULL' } }],
    },
  ],
);

cases(
  'TD224',
  'awsvpc-unsupported',
  [E({}, { hostname: 'web' }), F({}, { extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }] })],
  [
    {
      code: E({ networkMode: 'awsvpc' }, { hostname: 'web' }),
      errors: [{ messageId: 'unsupported', data: { key: 'hostname' } }],
      output: E({ networkMode: 'awsvpc' }),
    },
    {
      code: F({}, { hostname: 'web' }),
      errors: [{ messageId: 'unsupported', data: { key: 'hostname' } }],
      output: F(),
    },
  ],
);

cases(
  'TD222',
  'ulimit-soft-hard',
  [E({}, { ulimits: [{ name: 'core', softLimit: 0, hardLimit: 0 }] })],
  [
    {
      code: E({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 4096 }] }),
      errors: [{ messageId: 'softAboveHard', data: { name: 'nofile', soft: 65535, hard: 4096 } }],
      output: E({}, { ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 4096 }] }),
    },
  ],
);
cases(
  'TD222',
  'fargate-nofile',
  [
    F({}, { ulimits: [{ name: 'nofile', softLimit: 1048576, hardLimit: 1048576 }] }),
    E({}, { ulimits: [{ name: 'nofile', softLimit: 2000000, hardLimit: 2000000 }] }),
  ],
  [
    {
      code: F({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 2000000 }] }),
      errors: [{ messageId: 'fargateNofile', data: { key: 'hardLimit', max: 1048576 } }],
      output: F({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 1048576 }] }),
    },
  ],
);

cases(
  'TD223',
  'container-memory-minimum',
  [E({}, { memory: 6 }), E({}, { memory: 512, memoryReservation: 64 })],
  [
    {
      code: E({}, { memory: 2 }),
      errors: [{ messageId: 'tooSmall', data: { key: 'memory', value: 2, min: 6 } }],
      output: E({}, { memory: 2048 }),
    },
    {
      code: E({}, { memory: 512, memoryReservation: 0 }),
      errors: [{ messageId: 'tooSmall', data: { key: 'memoryReservation' } }],
    },
  ],
);

cases(
  'TD221',
  'awslogs-options',
  [F({}, awslogs({ 'awslogs-create-group': 'true', mode: 'non-blocking', 'max-buffer-size': '25m' }))],
  [
    {
      code: F({}, awslogs({ 'awslogs-create-grop': 'true' })),
      errors: [
        { messageId: 'unknownSuggest', data: { option: 'awslogs-create-grop', suggestion: 'awslogs-create-group' } },
      ],
      output: F({}, awslogs({ 'awslogs-create-group': 'true' })),
    },
    { code: F({}, awslogs({ 'splunk-url': 'x' })), errors: [{ messageId: 'unknown', data: { driver: 'awslogs' } }] },
  ],
);
cases(
  'TD221',
  'awslogs-one-multiline-option',
  [F({}, awslogs({ 'awslogs-multiline-pattern': '^INFO' }))],
  [
    {
      code: F({}, awslogs({ 'awslogs-datetime-format': '%Y-%m-%d', 'awslogs-multiline-pattern': '^INFO' })),
      errors: [{ messageId: 'multiline' }],
    },
  ],
);
cases(
  'TD221',
  'awslogs-boolean-options',
  [F({}, awslogs({ 'awslogs-create-group': 'True' }))],
  [
    {
      code: F({}, awslogs({ 'awslogs-create-group': 'yes' })),
      errors: [{ messageId: 'boolean', data: { value: 'yes' } }],
    },
  ],
);
cases(
  'TD221',
  'awslogs-mode',
  [F({}, awslogs({ mode: 'blocking' }))],
  [{ code: F({}, awslogs({ mode: 'async' })), errors: [{ messageId: 'mode', data: { value: 'async' } }] }],
);
cases(
  'TD221',
  'splunk-options',
  [
    F({}, splunk({ 'splunk-url': 'https://splunk:8088', 'splunk-token': 't' })),
    F({}, splunk({ 'splunk-url': 'https://splunk:8088' }, [{ name: 'splunk-token', valueFrom: 'splunk/token' }])),
  ],
  [
    {
      code: F({}, splunk({ 'splunk-url': 'https://splunk:8088' })),
      errors: [{ messageId: 'required', data: { option: 'splunk-token' } }],
    },
    {
      code: F({}, splunk({ 'splunk-url': 'https://splunk:8088', 'splunk-token': 't', 'splunk-indx': 'main' })),
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'splunk-index' } }],
      output: F({}, splunk({ 'splunk-url': 'https://splunk:8088', 'splunk-token': 't', 'splunk-index': 'main' })),
    },
  ],
);
cases(
  'TD221',
  'fargate-firelens-config-file',
  [
    F({}, { firelensConfiguration: { type: 'fluentbit', options: { 'config-file-type': 'file' } } }),
    E({}, { firelensConfiguration: { type: 'fluentbit', options: { 'config-file-type': 's3' } } }),
  ],
  [
    {
      code: F({}, { firelensConfiguration: { type: 'fluentbit', options: { 'config-file-type': 's3' } } }),
      errors: [{ messageId: 'firelensS3' }],
    },
  ],
);

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf';
cases(
  'TD225',
  'secret-names',
  [F({}, { environment: [{ name: 'DB_HOST', value: 'db' }], secrets: [{ name: 'DB_PASSWORD', valueFrom: SECRET }] })],
  [
    {
      code: F(
        {},
        {
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: SECRET },
            { name: 'DB_PASSWORD', valueFrom: 'db/pw' },
          ],
        },
      ),
      errors: [{ messageId: 'twice' }],
    },
    {
      code: F(
        {},
        { environment: [{ name: 'DB_PASSWORD', value: 'x' }], secrets: [{ name: 'DB_PASSWORD', valueFrom: SECRET }] },
      ),
      errors: [{ messageId: 'environment', data: { name: 'DB_PASSWORD', container: 'app' } }],
    },
  ],
);

for (const [code, t] of tables) testRule(language, rule(code), t);

describe('ECS limits data (taskdef/data/limits.json)', () => {
  it('every fact has a failing and a passing case above', () => {
    const facts = Object.keys(LIMITS.facts);
    const tested = (kind: 'valid' | 'invalid') =>
      new Set([...tables.values()].flatMap((t) => t[kind].map((c) => c.fact)));
    assert.deepEqual(
      facts.filter((f) => !tested('invalid').has(f)),
      [],
      'facts without a failing case',
    );
    assert.deepEqual(
      facts.filter((f) => !tested('valid').has(f)),
      [],
      'facts without a passing case',
    );
    const unknown = [...tables.values()]
      .flatMap((t) => [...t.valid, ...t.invalid])
      .filter((c) => !LIMITS.facts[c.fact]);
    assert.deepEqual(unknown, []);
  });

  it('each fact is checked at the severity its enforcement gives: error only where ECS refuses the registration', () => {
    for (const [code, t] of tables) {
      const severities = new Set(t.invalid.map((c) => severityOf(LIMITS.facts[c.fact])));
      assert.deepEqual([...severities], [rule(code).meta.defaultSeverity], code);
    }
  });

  it('each fact names its source page, says what it is in a sentence, and the file has a date', () => {
    assert.match(LIMITS.date, /^\d{4}-\d{2}-\d{2}$/);
    for (const [id, f] of Object.entries(LIMITS.facts)) {
      assert.match(f.source, /^https:\/\/docs\.(aws\.amazon|docker)\.com\//, id);
      assert.ok(f.what.length > 20 && f.what.endsWith('.'), id);
      assert.ok(['register', 'start', 'unsupported', 'silent'].includes(f.ecs), id);
    }
  });

  it('documents are JSON the cases build', () => {
    assert.doesNotThrow(() => JSON.parse(J({ family: 'x' })));
  });
});
