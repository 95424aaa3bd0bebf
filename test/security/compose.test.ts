/** Table tests of the compose security rules (CP1xx). */
import { language } from '../../server/src/languages/compose';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};
const svc = (body: string) => `services:\n  app:\n    image: acme/app:1\n${body}`;

testRule(language, r('CP100'), {
  valid: [svc('    privileged: false\n'), svc('')],
  invalid: [
    { code: svc('    privileged: true\n'), errors: [{ messageId: 'privileged', line: 4, column: 17 }] },
    {
      name: 'merged from an anchor: reported at each service',
      code:
        'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: x:1\n' +
        '  b:\n    <<: *base\n    image: y:1\n',
      errors: [
        { messageId: 'privileged', line: 4 },
        { messageId: 'privileged', line: 7 },
      ],
    },
  ],
});

testRule(language, r('CP101'), {
  valid: [svc('    network_mode: bridge\n'), svc('    pid: "service:db"\n'), svc('    ipc: shareable\n')],
  invalid: [
    { code: svc('    network_mode: host\n'), errors: [{ messageId: 'host', data: { key: 'network_mode' } }] },
    { code: svc('    pid: host\n'), errors: [{ messageId: 'host', data: { key: 'pid' } }] },
    { code: svc('    ipc: host\n    userns_mode: host\n'), errors: [{ messageId: 'host' }, { messageId: 'host' }] },
  ],
});

testRule(language, r('CP102'), {
  valid: [
    svc('    volumes:\n      - ./data:/data\n      - cache:/cache\n'),
    svc('    volumes:\n      - /etc/localtime:/etc/localtime:ro\n'),
    svc('    volumes:\n      - /srv/app:/app\n'),
    // node-exporter's mount: the host's mounts come in, nothing goes back
    svc('    volumes:\n      - /srv:/host:ro,rslave\n'),
    svc(
      '    volumes:\n      - type: bind\n        source: /srv/data\n        target: /data\n        bind:\n          propagation: rprivate\n',
    ),
  ],
  invalid: [
    {
      code: svc('    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n'),
      errors: [{ messageId: 'socket', line: 5 }],
    },
    {
      code: svc('    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /s\n'),
      errors: [{ messageId: 'socket' }],
    },
    { code: svc('    volumes:\n      - /:/host:ro\n'), errors: [{ messageId: 'root' }] },
    { code: svc('    volumes:\n      - /etc:/host-etc\n'), errors: [{ messageId: 'sensitive' }] },
    {
      code: svc('    volumes:\n      - /srv/data:/data:rshared\n'),
      errors: [
        { messageId: 'propagation', line: 5, data: { service: 'app', dir: '/srv/data', propagation: 'rshared' } },
      ],
    },
    {
      code: svc(
        '    volumes:\n      - type: bind\n        source: /mnt/disks\n        target: /disks\n        bind:\n          propagation: shared\n',
      ),
      errors: [{ messageId: 'propagation', data: { propagation: 'shared' } }],
    },
  ],
});

testRule(language, r('CP103'), {
  valid: [svc('    cap_add: [NET_BIND_SERVICE, CHOWN]\n'), svc('    cap_drop: [ALL]\n')],
  invalid: [
    {
      code: svc('    cap_add:\n      - SYS_ADMIN\n'),
      errors: [{ messageId: 'cap', line: 5, data: { cap: 'SYS_ADMIN' } }],
    },
    { code: svc('    cap_add: [ALL, CAP_NET_ADMIN]\n'), errors: [{ messageId: 'cap' }, { messageId: 'cap' }] },
  ],
});

testRule(language, r('CP104'), {
  valid: [svc('    security_opt:\n      - no-new-privileges:true\n      - seccomp:./profile.json\n')],
  invalid: [
    { code: svc('    security_opt:\n      - seccomp:unconfined\n'), errors: [{ messageId: 'off', line: 5 }] },
    {
      code: svc('    security_opt: ["apparmor=unconfined", "label:disable"]\n'),
      errors: [{ messageId: 'off' }, { messageId: 'off' }],
    },
  ],
});

const db = (ports: string, image = 'postgres:16') => `services:\n  db:\n    image: ${image}\n    ports:\n${ports}`;
testRule(language, r('CP105'), {
  valid: [
    db('      - "127.0.0.1:5432:5432"\n'),
    db('      - "8080:80"\n', 'nginx:1.27'),
    db('      - target: 5432\n        host_ip: 127.0.0.1\n        published: "5432"\n'),
    db('      - "15672:15672"\n', 'rabbitmq:3-management'),
    db('      - "${PG_PORT}:5432"\n'),
  ],
  invalid: [
    {
      code: db('      - "5432:5432"\n'),
      errors: [{ messageId: 'public', line: 5, data: { port: 5432, what: 'PostgreSQL' } }],
      output: db('      - "127.0.0.1:5432:5432"\n'),
    },
    {
      code: db('      - 6379\n', 'redis:7'),
      errors: [{ messageId: 'public' }],
      output: db('      - 127.0.0.1::6379\n', 'redis:7'),
    },
    { code: db('      - "0.0.0.0:27017:27017"\n', 'mongo:7'), errors: [{ messageId: 'public' }] },
    { code: db('      - target: 3306\n        published: "3306"\n', 'mysql:8'), errors: [{ messageId: 'public' }] },
    {
      code: db('      - "5672:5672"\n', 'rabbitmq:3'),
      errors: [{ messageId: 'public', data: { what: 'the data store' } }],
      output: db('      - "127.0.0.1:5672:5672"\n', 'rabbitmq:3'),
    },
  ],
});
