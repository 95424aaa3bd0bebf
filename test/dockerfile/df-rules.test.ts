/** Table tests of our own Dockerfile rules (DFxxx): syntax, BuildKit checks, practices. */
import { language } from '../../server/src/languages/dockerfile';
import { language as dockerignore } from '../../server/src/languages/dockerignore';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRule } from '../helpers/rule-tester';
import { runRules } from './lint';
import { memoryService } from '../helpers/context';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error('no rule ' + code);
  return rule;
};
void dockerignore;

testRule(language, r('DF000'), {
  valid: [
    {
      code:
        '# syntax=docker/dockerfile:1\nFROM a:1 AS b\nRUN ' +
        '--mount=type=cache,target=/c --network=none echo\nCOPY --link --chmod=755 --exclude=*.md ' +
        '. /app/\nHEALTHCHECK --interval=1m30s --retries=3 CMD x\nEXPOSE 80/udp ' +
        '8000-8010\nSTOPSIGNAL SIGTERM\nSHELL ["/bin/sh", "-c"]\nRUN <<EOF\necho hi\nEOF\nENV ' +
        'A=1\nARG B',
    },
  ],
  invalid: [
    { code: 'FROM a:1\nCOPY --form=b x /x', errors: [{ messageId: 'unknownFlag', line: 2 }] },
    { code: 'FROM a:1\nHEALTHCHECK --interval=30 CMD x', errors: [{ messageId: 'badDuration', line: 2 }] },
    { code: 'FROM a:1\nRUN --network=bogus x', errors: [{ messageId: 'badFlagValue', line: 2 }] },
    { code: 'FROM a:1\nEXPOSE http', errors: [{ messageId: 'badPort', line: 2 }] },
    { code: 'FROM a:1\nSTOPSIGNAL SIGFOO', errors: [{ messageId: 'badSignal', line: 2 }] },
    { code: 'FROM a:1\nSHELL /bin/bash', errors: [{ messageId: 'shellJson', line: 2 }] },
    { code: 'FROM a:1\nCOPY a', errors: [{ messageId: 'missingArgs', line: 2 }] },
    { code: 'FROM a:1\nWORKDIR', errors: [{ messageId: 'missingArgs', line: 2 }] },
    { code: 'FROM a:1 b', errors: [{ messageId: 'fromArgs', line: 1 }] },
    { code: 'FROM a:1\nHEALTHCHECK NONE CMD x', errors: [{ messageId: 'healthNoneArgs', line: 2 }] },
    { code: 'FROM a:1\nRUN <<EOF\necho hi\n', errors: [{ messageId: 'unterminatedHeredoc', line: 2 }] },
    { code: 'FROM a:1\nENV A', errors: [{ messageId: 'envValue', line: 2 }] },
  ],
});

// A realistic install whose `\` went missing before the cleanup line.
const CUT_APT =
  'FROM debian:12-slim\n' +
  'RUN apt-get update \\\n' +
  '    && apt-get install -y --no-install-recommends \\\n' +
  '       ca-certificates=20230311 \\\n' +
  '       curl=7.88.1-10+deb12u5\n' +
  '    && rm -rf /var/lib/apt/lists/*\n' +
  'USER nobody\n';

testRule(language, r('DF001'), {
  valid: [{ code: 'FROM a:1\nRUN x' }],
  invalid: [
    { code: 'FORM a:1', errors: [{ messageId: 'unknown', line: 1 }], output: 'FROM a:1' },
    {
      code: 'FROM a:1\nONBUILD RUNN x',
      errors: [{ messageId: 'unknown', line: 2 }],
      output: 'FROM a:1\nONBUILD RUN x',
    },
    {
      name: 'an apt-get install whose cleanup line lost the `\\` before it',
      code: CUT_APT,
      errors: [{ messageId: 'lostContinuation', line: 6, data: { word: '&&', line: 5, keyword: 'RUN' } }],
      output: CUT_APT.replace('deb12u5\n', 'deb12u5 \\\n'),
    },
    {
      name: 'a line ending with && and the command on the next',
      code: 'FROM a:1\nRUN apt-get update &&  \n    apt-get install -y curl',
      errors: [{ messageId: 'lostContinuation', line: 3, data: { word: 'apt-get' } }],
      output: 'FROM a:1\nRUN apt-get update && \\  \n    apt-get install -y curl',
    },
    {
      name: 'two lines cut, a comment between',
      code: 'FROM a:1\nENV A=1 \\\n    B=2\n    # c\n    C=3\n    D=4',
      errors: [
        { messageId: 'lostContinuation', line: 5, data: { line: 3, keyword: 'ENV' } },
        { messageId: 'lostContinuation', line: 6, data: { line: 5 } },
      ],
      output: 'FROM a:1\nENV A=1 \\\n    B=2 \\\n    # c\n    C=3 \\\n    D=4',
    },
    {
      name: 'the escape directive',
      code: '# escape=`\nFROM a:1\nRUN a `\n    b\n    | c',
      errors: [{ messageId: 'lostContinuation', line: 5, data: { escape: '`' } }],
      output: '# escape=`\nFROM a:1\nRUN a `\n    b `\n    | c',
    },
    {
      name: 'not after a blank line: a command on its own',
      code: 'FROM a:1\nRUN a\n\n    apt-get install x',
      errors: [{ messageId: 'unknown', line: 4 }],
    },
    {
      name: 'not after FROM, nor a typo at the margin',
      code: 'FROM a:1\n    apt-get install x\nRUN a\nRUNN b',
      errors: [
        { messageId: 'unknown', line: 2 },
        { messageId: 'unknown', line: 4 },
      ],
      output: 'FROM a:1\n    apt-get install x\nRUN a\nRUN b',
    },
  ],
});

test('DF001: a cut install gives DF001 alone, not the findings about the half the cut hid (DL3009)', () => {
  // through the service, every rule at its default severity, as the editor and the CLI run them
  const codes = (text: string) => {
    const svc = memoryService({ '/ws/Dockerfile': text, '/ws/.dockerignore': '.git' });
    const settings = svc.settingsFor('/ws/Dockerfile', {});
    return svc
      .validate({ path: '/ws/Dockerfile', text, kind: 'dockerfile' }, settings, { trusted: true })
      .findings.map((f) => f.code);
  };
  assert.deepEqual(codes(CUT_APT), ['DF001']);
  // mended, it is clean too: nothing was hiding a real finding
  assert.deepEqual(codes(CUT_APT.replace('deb12u5\n', 'deb12u5 \\\n')), []);
  // an unrelated RUN elsewhere in the file keeps its findings
  const more = `${CUT_APT}RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1\n`;
  assert.deepEqual(codes(more), ['DF001', 'DL3009']);
});

testRule(language, r('DF002'), {
  valid: [{ code: 'FROM a:1 AS build' }],
  invalid: [
    {
      code: 'FROM a:1 AS Build\nFROM Build\nCOPY --from=Build /x /x\nRUN --mount=type=bind,from=Build,target=/b ls',
      errors: [{ messageId: 'casing', line: 1 }],
      output: 'FROM a:1 AS build\nFROM build\nCOPY --from=build /x /x\nRUN --mount=type=bind,from=build,target=/b ls',
    },
  ],
});

testRule(language, r('DF003'), {
  valid: [{ code: 'FROM a:1 AS b\nfrom a:1 as c' }],
  invalid: [{ code: 'FROM a:1 as b', errors: [{ messageId: 'casing', line: 1 }], output: 'FROM a:1 AS b' }],
});

testRule(language, r('DF004'), {
  valid: [{ code: 'FROM a:1\nRUN a \\\n  # comment\n  b' }, { code: 'FROM a:1\nRUN a\n\nRUN b' }],
  invalid: [
    { code: 'FROM a:1\nRUN a \\\n\n  b', errors: [{ messageId: 'empty', line: 3 }], output: 'FROM a:1\nRUN a \\\n  b' },
  ],
});

testRule(language, r('DF005'), {
  valid: [{ code: 'FROM a:1\nRUN x' }, { code: 'from a:1\nrun x' }],
  invalid: [
    { code: 'FROM a:1\nRUN x\nrun y', errors: [{ messageId: 'casing', line: 3 }], output: 'FROM a:1\nRUN x\nRUN y' },
  ],
});

testRule(language, r('DL3063'), {
  valid: [{ code: 'FROM a:1 AS base' }],
  invalid: [{ code: 'FROM a:1 AS scratch', errors: [{ messageId: 'reserved', line: 1 }] }],
});

testRule(language, r('DF007'), {
  valid: [{ code: 'ARG V=1\nFROM a:${V}' }, { code: 'FROM --platform=$BUILDPLATFORM a:1' }],
  invalid: [
    {
      code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERISON}',
      errors: [{ messageId: 'undefined', line: 2 }],
      output: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}',
    },
    { code: 'FROM a\nARG V=1\nFROM b:$V', errors: [{ messageId: 'undefined', line: 3 }] },
  ],
});

testRule(language, r('DF008'), {
  valid: [
    { code: 'FROM node:20\nWORKDIR $HOME/app\nENV PATH=$PATH:/x' },
    { code: 'FROM a:1\nARG APP=/app\nWORKDIR $APP' },
    { code: 'FROM scratch\nCOPY x ${DEST:-/x}' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nARG APP_DIR=/app\nWORKDIR $APP_DRI',
      errors: [{ messageId: 'undefined', line: 3 }],
      output: 'FROM a:1\nARG APP_DIR=/app\nWORKDIR $APP_DIR',
    },
    { code: 'FROM scratch\nCOPY app /$TARGET/', errors: [{ messageId: 'undefined', line: 2 }] },
  ],
});

testRule(language, r('DF009'), {
  valid: [{ code: 'FROM a:1\nENV A=1 B=2\nLABEL x=y' }],
  invalid: [
    {
      code: 'FROM a:1\nENV NODE_ENV production',
      errors: [{ messageId: 'legacy', line: 2 }],
      output: 'FROM a:1\nENV NODE_ENV=production',
    },
    {
      code: 'FROM a:1\nENV GREETING hello world',
      errors: [{ messageId: 'legacy', line: 2 }],
      output: 'FROM a:1\nENV GREETING="hello world"',
    },
  ],
});

testRule(language, r('DL3065'), {
  valid: [{ code: 'FROM --platform=$BUILDPLATFORM a:1' }],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM a:1', errors: [{ messageId: 'redundant', line: 1 }], output: 'FROM a:1' },
  ],
});

testRule(language, r('DL3064'), {
  valid: [{ code: 'ARG GPG_KEY=abc\nFROM a:1\nENV PUBLIC_KEY=x TOKEN_FILE=/run/secrets/t KEYS=1' }],
  invalid: [
    {
      code: 'FROM a:1\nARG NPM_TOKEN\nENV DB_PASSWORD=x',
      errors: [
        { messageId: 'secret', line: 2 },
        { messageId: 'secret', line: 3 },
      ],
    },
  ],
});

testRule(language, r('DF012'), {
  valid: [{ code: 'ARG TAG=20\nFROM node:${TAG}' }, { code: 'ARG TAG\nFROM node:${TAG:-20}' }],
  invalid: [{ code: 'ARG TAG\nFROM node:${TAG}', errors: [{ messageId: 'invalid', line: 2 }] }],
});

testRule(language, r('DF013'), {
  valid: [{ code: 'FROM a:1\nEXPOSE 80/tcp' }],
  invalid: [
    { code: 'FROM a:1\nEXPOSE 80/TCP', errors: [{ messageId: 'casing', line: 2 }], output: 'FROM a:1\nEXPOSE 80/tcp' },
  ],
});

testRule(language, r('DF014'), {
  valid: [{ code: 'FROM a:1\nEXPOSE 80' }],
  invalid: [
    {
      code: 'FROM a:1\nEXPOSE 8080:80 127.0.0.1:53:53/udp',
      errors: [
        { messageId: 'format', line: 2 },
        { messageId: 'format', line: 2 },
      ],
      output: 'FROM a:1\nEXPOSE 80 53/udp',
    },
  ],
});

testRule(language, r('DF100'), {
  valid: [{ code: 'FROM a:1\nRUN npm ci --omit=dev' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN npm ci --only=production',
      errors: [{ messageId: 'deprecated', line: 2 }],
      output: 'FROM a:1\nRUN npm ci --omit=dev',
    },
    {
      code: 'FROM a:1\nRUN npm install --production && npm cache clean --force',
      errors: [{ messageId: 'deprecated', line: 2 }],
      output: 'FROM a:1\nRUN npm install --omit=dev && npm cache clean --force',
    },
  ],
});

testRule(language, r('DF101'), {
  valid: [
    { code: 'FROM a:1\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .' },
    { code: 'FROM a:1\nCOPY . .\nRUN npm run build' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "x.js"]',
      errors: [{ messageId: 'order', line: 4 }],
      output: 'FROM a:1\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "x.js"]',
    },
    {
      code: 'FROM a:1\nCOPY . /app\nRUN pip install -r requirements.txt && python setup.py',
      errors: [{ messageId: 'order', line: 3 }],
    },
  ],
});

testRule(language, r('DF102'), {
  valid: [
    { code: 'FROM a:1 AS b\nRUN apt-get install -y gcc\nFROM a:1' },
    { code: 'FROM alpine:3\nRUN apk add --no-cache --virtual .deps gcc && make && apk del .deps' },
  ],
  invalid: [
    {
      code: 'FROM python:3\nRUN apt-get install -y --no-install-recommends gcc libpq5',
      errors: [{ messageId: 'tools', line: 2 }],
    },
  ],
});

testRule(language, r('DF103'), {
  valid: [
    { code: 'FROM a:1\nUSER app' },
    { code: 'FROM scratch\nCOPY x /x' },
    { code: 'FROM debian:12\nRUN echo base image' },
    { code: 'FROM a:1 AS b\nUSER app\nFROM b' },
  ],
  invalid: [
    {
      code: 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/x.js"]',
      errors: [{ messageId: 'missing', line: 1 }],
      output: 'FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/x.js"]',
    },
    {
      code: 'FROM alpine:3.20\nCMD ["x"]',
      errors: [{ messageId: 'missing', line: 1 }],
      output: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["x"]',
    },
    {
      code: 'FROM debian:12-slim\nENTRYPOINT ["app"]',
      errors: [{ messageId: 'missing', line: 1 }],
      output:
        'FROM debian:12-slim\nRUN groupadd --system app && useradd --system ' +
        '--gid app --no-log-init app\nUSER app\nENTRYPOINT ["app"]',
    },
  ],
});

testRule(language, r('DF104'), {
  valid: [{ code: 'FROM a:1\nENV DB_PASSWORD=$DB_PASSWORD API_TOKEN= VERSION=1' }],
  invalid: [
    {
      code: 'FROM a:1\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nARG DB_PASSWORD=hunter22',
      errors: [
        { messageId: 'token', line: 2 },
        { messageId: 'token', line: 3 },
      ],
    },
  ],
});

testRule(language, r('DF105'), {
  valid: [
    { code: 'FROM a:1\nCOPY . .', path: '/w/Dockerfile', files: { '/w/.dockerignore': '.git\n' } },
    { code: 'FROM a:1\nCOPY app.py /app/', path: '/w/Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY . .\nRUN npm ci',
      path: '/w/Dockerfile',
      errors: [{ messageId: 'missing', line: 2 }],
      output: 'FROM node:20\nCOPY . .\nRUN npm ci',
    },
  ],
});

testRule(language, r('DF106'), {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    // the later RUN refreshes for itself: the first update is only a wasted layer
    'FROM debian:12\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl',
    // nothing installs afterwards (an index baked in on purpose)
    'FROM debian:12\nRUN apt-get update',
    // another stage installs: its own FROM starts from the base image's lists
    'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl',
    // another package manager
    'FROM alpine:3.20\nRUN apk update\nRUN pip install flask',
    'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk update\n',
    'FROM fedora:40\nRUN dnf makecache && dnf install -y git',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      errors: [{ messageId: 'alone', line: 2, data: { update: 'apt-get update', line: '3' } }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get update -qq && echo done\nCOPY . .\nRUN apt-get -y upgrade',
      errors: [{ messageId: 'alone', line: 2, data: { line: '4' } }],
    },
    {
      code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl',
      errors: [{ messageId: 'alone', line: 2, data: { update: 'apk update' } }],
    },
    {
      code: 'FROM fedora:40\nRUN yum makecache\nRUN dnf install -y git',
      errors: [{ messageId: 'alone', line: 2 }],
    },
    {
      code: 'FROM opensuse/leap:15\nRUN zypper --non-interactive refresh\nRUN zypper -n in git',
      errors: [{ messageId: 'alone', line: 2 }],
    },
  ],
});

testRule(language, r('DF107'), {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app',
    'FROM alpine:3.20\nWORKDIR /developer',
    'FROM alpine:3.20\nWORKDIR /srv/proc',
    'FROM alpine:3.20\nWORKDIR /boot/app',
    'FROM alpine:3.20\nWORKDIR app',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nWORKDIR /dev/app',
      errors: [{ messageId: 'mounted', line: 2, data: { dir: '/dev/app', mount: '/dev' } }],
    },
    { code: 'FROM alpine:3.20\nWORKDIR /proc/', errors: [{ messageId: 'mounted', data: { mount: '/proc' } }] },
    { code: 'FROM alpine:3.20\nWORKDIR /sys', errors: [{ messageId: 'mounted', data: { mount: '/sys' } }] },
  ],
});

test('DF009 quotes the value it found, shortened when long', () => {
  const msg = (code: string) =>
    runRules(language, code, '/work/Dockerfile', { rules: [r('DF009')] }).map((f) => f.message);
  assert.deepEqual(msg('FROM a:1\nENV FLASK_APP app.py'), [
    '`ENV FLASK_APP app.py` is the legacy form: write `ENV FLASK_APP=app.py`.',
  ]);
  assert.deepEqual(msg('FROM a:1\nLABEL maintainer Jane Doe'), [
    '`LABEL maintainer Jane Doe` is the legacy form: write `LABEL maintainer="Jane Doe"`.',
  ]);
  const long = 'x'.repeat(60);
  assert.deepEqual(msg(`FROM a:1\nENV K ${long}`), [
    `\`ENV K ${'x'.repeat(37)}...\` is the legacy form: write \`ENV K=${'x'.repeat(37)}...\`.`,
  ]);
});

testRule(language, r('DF108'), {
  valid: [
    // the usual export stage: the path is there
    'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS bin\nCOPY --from=build /out/app /app\n' +
      'FROM alpine:3.20\nCOPY --from=bin /app /usr/local/bin/app',
    // a base image: its content is not known
    'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a /etc/os-release /x',
    // a RUN makes the content unknown
    'FROM scratch AS a\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "mkdir", "/data"]\nFROM alpine:3.20\nCOPY --from=a /data /data',
    // ADD may unpack an archive
    'FROM scratch AS a\nADD rootfs.tar.gz /\nFROM alpine:3.20\nCOPY --from=a /etc/passwd /x',
    // below a copied folder: unknown content; a folder above a copied file; WORKDIR and a relative destination
    'FROM scratch AS a\nCOPY dist/ /srv/www/\nWORKDIR /data\nCOPY config.yaml conf/\nFROM alpine:3.20\n' +
      'COPY --from=a /srv/www/index.html /x\nCOPY --from=a /srv /y\nCOPY --from=a /data/conf /z\nCOPY --from=a data /w',
    // a variable, a glob, a stage built on an evident one that copies more
    'ARG P=/x\nFROM scratch AS a\nCOPY x /x\nFROM a AS b\nCOPY y /y\nFROM alpine:3.20\nCOPY --from=a ${P} /p\n' +
      'COPY --from=a /*.so /lib/\nCOPY --from=b /y /y',
    // the root of an empty stage
    'FROM scratch AS a\nFROM alpine:3.20\nCOPY --from=a / /x',
  ],
  invalid: [
    {
      code:
        'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS bin\nCOPY --from=build /out/app /app\n' +
        'FROM alpine:3.20\nCOPY --from=bin /out/app /usr/local/bin/app',
      errors: [{ messageId: 'missing', line: 6, data: { path: '/out/app', stage: 'bin', created: '`/app`' } }],
    },
    {
      code: 'FROM scratch\nCOPY a /a\nFROM scratch AS two\nFROM alpine:3.20\nCOPY --from=0 b /b\nCOPY --from=two /etc /etc',
      errors: [
        { messageId: 'missing', line: 5, data: { path: '/b', stage: '0' } },
        { messageId: 'missing', line: 6, data: { path: '/etc', stage: 'two', created: 'nothing' } },
      ],
    },
    {
      // a stage built on an evident one keeps being evident
      code: 'FROM scratch AS a\nCOPY x /x\nFROM a AS b\nWORKDIR /app\nFROM alpine:3.20\nCOPY --from=b /y /y',
      errors: [{ messageId: 'missing', line: 6, data: { created: '`/x`, `/app`' } }],
    },
  ],
});
