/** Table tests of the Dockerfile security rules (DF3xx). */
import { language } from '../../server/src/languages/dockerfile';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryService } from '../helpers/context';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};

testRule(language, r('DF300'), {
  valid: [
    'FROM a:1\nRUN curl -fsSL https://x.example/a.tgz -o a.tgz',
    'FROM a:1\nRUN curl -o k https://x.example/a',
    'FROM a:1\nRUN curl -X POST https://x.example/a',
    'FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=1',
    'FROM a:1\nRUN git config --global http.sslVerify true',
    'FROM a:1\nRUN npm config set strict-ssl true',
    'FROM a:1\nARG GIT_SSL_NO_VERIFY',
    'FROM a:1\nRUN pip install --index-url https://pypi.example/simple flask',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN curl -fsSLk https://x.example/a.tgz | tar xz',
      errors: [{ messageId: 'flag', line: 2, data: { flag: '-k' } }],
      output: 'FROM a:1\nRUN curl -fsSL https://x.example/a.tgz | tar xz',
    },
    {
      code: 'FROM a:1\nRUN curl --insecure -o a https://x.example/a',
      errors: [{ messageId: 'flag', line: 2 }],
      output: 'FROM a:1\nRUN curl -o a https://x.example/a',
    },
    {
      code: 'FROM a:1\nRUN wget --no-check-certificate https://x.example/a',
      errors: [{ messageId: 'flag', data: { tool: 'wget' } }],
      output: 'FROM a:1\nRUN wget https://x.example/a',
    },
    { code: 'FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=0', errors: [{ messageId: 'env', line: 2 }] },
    { code: 'FROM a:1\nENV PYTHONHTTPSVERIFY 0', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nARG GIT_SSL_NO_VERIFY=1', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nENV PIP_TRUSTED_HOST=pypi.internal', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nENV NPM_CONFIG_STRICT_SSL=false', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nRUN export GIT_SSL_NO_VERIFY=true && git clone x', errors: [{ messageId: 'env' }] },
    { code: 'FROM a:1\nRUN pip install --trusted-host pypi.internal flask', errors: [{ messageId: 'flag' }] },
    { code: 'FROM a:1\nRUN pip config set global.trusted-host pypi.internal', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN npm config set strict-ssl false', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN yarn config set strict-ssl false && yarn', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN git config --global http.sslVerify false', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN git -c http.sslVerify=false clone https://x.example/r', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN yum --setopt=sslverify=false install -y x', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN echo insecure >> ~/.curlrc', errors: [{ messageId: 'config' }] },
    { code: 'FROM a:1\nRUN conda config --set ssl_verify false', errors: [{ messageId: 'config' }] },
    {
      code: 'FROM a:1\nRUN apk add --no-check-certificate curl',
      errors: [{ messageId: 'flag', data: { tool: 'apk' } }],
      output: 'FROM a:1\nRUN apk add curl',
    },
  ],
});

testRule(language, r('DF301'), {
  valid: [
    'FROM a:1\nRUN apt-get install -y curl',
    'FROM a:1\nRUN yum install -y --setopt=gpgcheck=1 x',
    'FROM a:1\nRUN rpm -i x.rpm',
    'FROM a:1\nRUN apk add --no-cache curl',
    // a local repository built in the same RUN (docker-library/postgres): nothing to authenticate against
    'FROM a:1\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list',
    // package files built in an earlier stage and mounted from it (nginxinc/docker-nginx's modules)
    'FROM a:1 AS builder\nRUN make\nFROM a:1\nRUN --mount=type=bind,target=/tmp/packages/,source=/tmp/packages/,from=builder \\\n' +
      '    apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-${module}-${NGINX_VERSION}*.apk',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get install -y --allow-unauthenticated curl',
      errors: [{ messageId: 'flag', line: 2 }],
      output: 'FROM a:1\nRUN apt-get install -y curl',
    },
    {
      code: 'FROM a:1\nRUN apt-get install --force-yes -y curl',
      errors: [{ messageId: 'flag' }],
      output: 'FROM a:1\nRUN apt-get install -y curl',
    },
    {
      code: 'FROM a:1\nRUN yum install -y --nogpgcheck x',
      errors: [{ messageId: 'flag' }],
      output: 'FROM a:1\nRUN yum install -y x',
    },
    {
      code: 'FROM a:1\nRUN rpm -i --nosignature x.rpm',
      errors: [{ messageId: 'flag' }],
      output: 'FROM a:1\nRUN rpm -i x.rpm',
    },
    {
      code: 'FROM a:1\nRUN rpm -Uvh --noverify x.rpm',
      errors: [{ messageId: 'flag', data: { flag: '--noverify', tool: 'rpm' } }],
      output: 'FROM a:1\nRUN rpm -Uvh x.rpm',
    },
    {
      code: 'FROM a:1\nRUN rpm -i --nofiledigest x.rpm',
      errors: [{ messageId: 'flag', data: { flag: '--nofiledigest', tool: 'rpm' } }],
      output: 'FROM a:1\nRUN rpm -i x.rpm',
    },
    {
      code: 'FROM a:1\nRUN apk add --allow-untrusted /tmp/x.apk',
      errors: [{ messageId: 'flag' }],
      output: 'FROM a:1\nRUN apk add /tmp/x.apk',
    },
    { code: 'FROM a:1\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install x', errors: [{ messageId: 'flag' }] },
    {
      code: 'FROM a:1\nRUN echo "deb [trusted=yes] http://repo.example/ stable main" > /etc/apt/sources.list.d/x.list',
      errors: [{ messageId: 'repo' }],
    },
    { code: 'FROM a:1\nRUN dnf install -y --setopt=gpgcheck=0 x', errors: [{ messageId: 'flag' }] },
  ],
});

testRule(language, r('DF302'), {
  valid: [
    'FROM a:1\nRUN curl -fsSL https://x.example/a.tgz | tar -xz',
    'FROM a:1\nRUN curl -fsSLo /tmp/i.sh https://x.example/i.sh && sha256sum -c s && sh /tmp/i.sh',
    'FROM a:1\nRUN curl -fsSL https://x.example/key | gpg --dearmor -o /k.gpg',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN curl -fsSL https://x.example/i.sh | bash',
      errors: [{ messageId: 'pipe', line: 2, data: { fetcher: 'curl', shell: 'bash' } }],
    },
    { code: 'FROM a:1\nRUN wget -qO- https://x.example/i.sh | sh -s -- -y', errors: [{ messageId: 'pipe' }] },
    { code: 'FROM a:1\nRUN curl -sSL https://x.example/get-pip.py | python3 -', errors: [{ messageId: 'pipe' }] },
    { code: 'FROM a:1\nRUN curl -sSL https://x.example/i.sh | sudo bash', errors: [{ messageId: 'pipe' }] },
    { code: 'FROM a:1\nRUN bash <(curl -fsSL https://x.example/i.sh)', errors: [{ messageId: 'substitution' }] },
    {
      code: 'FROM a:1\nRUN sh -c "$(curl -fsSL https://x.example/install.sh)"',
      errors: [{ messageId: 'substitution' }],
    },
  ],
});

testRule(language, r('DF303'), {
  valid: [
    'FROM a:1\nADD --checksum=sha256:abc https://x.example/a /a',
    'FROM a:1\nADD https://github.com/moby/buildkit.git#v0.14.0 /src',
    'FROM a:1\nADD local.tar.gz /opt/',
  ],
  invalid: [
    { code: 'FROM a:1\nADD https://x.example/a.tgz /opt/', errors: [{ messageId: 'missing', line: 2, column: 5 }] },
    { code: 'FROM a:1\nADD http://x.example/a /a', errors: [{ messageId: 'plainHttp' }] },
    { code: 'FROM a:1\nADD ["https://x.example/a", "/a"]', errors: [{ messageId: 'missing' }] },
  ],
});

testRule(language, r('DF304'), {
  valid: [
    'FROM a:1\nRUN useradd -m app && passwd -l app',
    'FROM a:1\nRUN adduser -D app',
    'FROM a:1\nRUN adduser --disabled-password --gecos "" app',
  ],
  invalid: [
    { code: "FROM a:1\nRUN echo 'root:toor' | chpasswd", errors: [{ messageId: 'chpasswd', line: 2 }] },
    { code: 'FROM a:1\nRUN echo secret | passwd --stdin app', errors: [{ messageId: 'passwd' }] },
    { code: 'FROM a:1\nRUN passwd -d root', errors: [{ messageId: 'passwd' }] },
    { code: "FROM a:1\nRUN useradd -m -p '$6$x$y' app", errors: [{ messageId: 'option', data: { flag: '-p' } }] },
    {
      code: 'FROM a:1\nRUN usermod --password=abc app',
      errors: [{ messageId: 'option', data: { flag: '--password' } }],
    },
  ],
});

testRule(language, r('DF305'), {
  valid: [
    'FROM a:1\nEXPOSE 8080',
    'FROM a:1\nEXPOSE 22/udp',
    'FROM a:1\nRUN apt-get install -y openssh-client',
    'FROM a:1\nCMD ["ssh", "-V"]',
  ],
  invalid: [
    {
      code: 'FROM a:1\nEXPOSE 22\nCMD ["x"]',
      errors: [{ messageId: 'expose', line: 2 }],
      output: 'FROM a:1\nCMD ["x"]',
    },
    {
      code: 'FROM a:1\nEXPOSE 8080 22',
      errors: [{ messageId: 'expose', line: 2, column: 13 }],
      output: 'FROM a:1\nEXPOSE 8080',
    },
    { code: 'FROM a:1\nEXPOSE 20-30', errors: [{ messageId: 'expose' }] },
    { code: 'FROM a:1\nRUN apt-get install -y openssh-server', errors: [{ messageId: 'install' }] },
    { code: 'FROM a:1\nRUN apk add --no-cache openssh', errors: [{ messageId: 'install' }] },
    { code: 'FROM a:1\nCMD ["/usr/sbin/sshd", "-D"]', errors: [{ messageId: 'run' }] },
  ],
});

testRule(language, r('DF306'), {
  valid: [
    'FROM a:1\nRUN chmod 755 /app',
    'FROM a:1\nRUN chmod 1777 /data/shared',
    'FROM a:1\nRUN chmod 777 /tmp',
    'FROM a:1\nRUN chmod -R u+w /app',
    'FROM a:1\nCOPY --chmod=755 run.sh /run.sh',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN chmod -R 777 /app',
      errors: [{ messageId: 'chmod', line: 2, column: 14 }],
      output: 'FROM a:1\nRUN chmod -R 755 /app',
    },
    {
      code: 'FROM a:1\nRUN chmod 0666 /app/config.json',
      errors: [{ messageId: 'chmod' }],
      output: 'FROM a:1\nRUN chmod 0644 /app/config.json',
    },
    { code: 'FROM a:1\nRUN chmod o+w /app', errors: [{ messageId: 'chmod' }] },
    { code: 'FROM a:1\nRUN chmod a+rwx /app /data', errors: [{ messageId: 'chmod', data: { target: 'these paths' } }] },
    {
      code: 'FROM a:1\nCOPY --chmod=777 . /app',
      errors: [{ messageId: 'copy' }],
      output: 'FROM a:1\nCOPY --chmod=755 . /app',
    },
  ],
});

testRule(language, r('DF307'), {
  valid: [
    'FROM a:1\nCOPY package.json .',
    'FROM a:1\nCOPY .env.example .env',
    'FROM a:1\nCOPY certs/ca.pem /etc/ssl/',
    'FROM a:1\nCOPY id_rsa.pub /root/.ssh/authorized_keys',
    { code: 'FROM a:1\nCOPY .npmrc .', files: { '/ws/.npmrc': 'registry=https://npm.example/\n' } },
    'FROM b:1 AS keys\nFROM a:1\nCOPY --from=keys /id_rsa /x',
  ],
  invalid: [
    {
      code: 'FROM a:1\nCOPY id_rsa /root/.ssh/',
      errors: [{ messageId: 'copy', line: 2, data: { what: 'an SSH private key' } }],
    },
    { code: 'FROM a:1\nCOPY .env /app/.env', errors: [{ messageId: 'copy', data: { what: 'environment secrets' } }] },
    { code: 'FROM a:1\nADD certs/server.key /etc/ssl/private/', errors: [{ messageId: 'copy' }] },
    { code: 'FROM a:1\nCOPY ["secrets/gcp-key.json", "/app/"]', errors: [{ messageId: 'copy' }] },
    {
      code: 'FROM a:1\nCOPY .npmrc .',
      files: { '/ws/.npmrc': '//registry.npmjs.org/:_authToken=npm_abc\n' },
      errors: [{ messageId: 'copy' }],
    },
    { code: 'FROM a:1\nCOPY .aws/credentials /root/.aws/credentials', errors: [{ messageId: 'copy' }] },
    { code: 'FROM a:1\nCOPY *.key /keys/', errors: [{ messageId: 'copy' }] },
  ],
});

test('DF301 reads an echo of many [ in time linear in its length (four times the text, not sixteen times the time)', () => {
  const svc = memoryService({});
  const time = (n: number) => {
    const text = `FROM a:1\nRUN echo "${'[ '.repeat(n)}" > /etc/apt/sources.list.d/x.list\n`;
    const doc = { path: '/w/Dockerfile', text, kind: 'dockerfile' as const };
    const settings = svc.settingsFor(doc.path, {
      rules: Object.fromEntries(language.rules.map((x) => [x.meta.code, x.meta.code === 'DF301' ? 'warning' : 'off'])),
    });
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      svc.validate(doc, settings);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return best;
  };
  time(2000); // warm-up
  const t1 = time(8000);
  const t4 = time(32000);
  assert.ok(t4 < t1 * 9 + 5, `${t1} ms then ${t4} ms`);
});
