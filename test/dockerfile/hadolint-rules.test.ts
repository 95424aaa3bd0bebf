/** Table tests of the hadolint-compatible rules (DLxxxx). */
import { language } from '../../server/src/languages/dockerfile';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error('no rule ' + code);
  return rule;
};

testRule(language, r('DL3000'), {
  valid: [
    // issue 16, a false alarm whose fix broke the build: a relative WORKDIR after an absolute one in the stage
    { code: 'FROM node:20-alpine\nWORKDIR /usr/src/app/\nCOPY . .\nWORKDIR client/\nRUN npm ci' },
    { code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS web\nWORKDIR web' },
    { code: 'FROM a:1\nWORKDIR /app' },
    { code: 'FROM a:1\nWORKDIR $HOME' },
    { code: 'FROM a:1\nWORKDIR C:\\\\app' },
  ],
  invalid: [
    { code: 'FROM a:1\nWORKDIR app', errors: [{ messageId: 'relative', line: 2 }], output: 'FROM a:1\nWORKDIR /app' },
  ],
});

testRule(language, r('DL3001'), {
  valid: [{ code: 'FROM a:1\nRUN echo service' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN service nginx start && top',
      errors: [
        { messageId: 'pointless', line: 2 },
        { messageId: 'pointless', line: 2 },
      ],
    },
  ],
});

testRule(language, r('DL3002'), {
  valid: [
    { code: 'FROM a:1\nUSER root\nRUN x\nUSER app' },
    { code: 'FROM a:1 AS b\nUSER root\nUSER b\nFROM a:1\nUSER app' },
  ],
  invalid: [
    { code: 'FROM a:1\nUSER app\nUSER root', errors: [{ messageId: 'root', line: 3 }] },
    // any stage may be the image (--target), and a stage built on it inherits the user
    { code: 'FROM a:1 AS b\nUSER root\nFROM b\nRUN x', errors: [{ messageId: 'root', line: 2 }] },
    { code: 'FROM a:1\nUSER 0:0', errors: [{ messageId: 'root' }] },
  ],
});

testRule(language, r('DL3003'), {
  valid: [{ code: 'FROM a:1\nRUN set -eux; make; cd /tmp && rm -rf x' }, { code: 'FROM a:1\nRUN echo cd' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN cd /app && make',
      errors: [{ messageId: 'cd', line: 2 }],
      output: 'FROM a:1\nWORKDIR /app\nRUN make',
    },
    { code: 'FROM a:1\nRUN cd build; make', errors: [{ messageId: 'cd', line: 2 }] },
  ],
});

testRule(language, r('DL3004'), {
  valid: [{ code: 'FROM a:1\nRUN echo sudo' }],
  invalid: [{ code: 'FROM a:1\nRUN sudo apt-get update', errors: [{ messageId: 'sudo', line: 2 }] }],
});

testRule(language, r('DL3006'), {
  valid: [
    { code: 'FROM debian:12' },
    { code: 'FROM scratch' },
    { code: 'FROM node:20 AS b\nFROM b' },
    { code: 'ARG IMG=x:1\nFROM $IMG' },
    { code: 'FROM debian@sha256:' + 'a'.repeat(64) },
  ],
  invalid: [
    {
      code: 'FROM debian',
      errors: [{ messageId: 'untagged', line: 1 }],
      output: 'FROM debian:${1|trixie-slim,trixie,bookworm-slim,bookworm|}',
    },
  ],
});

testRule(language, r('DL3007'), {
  valid: [{ code: 'FROM node:20' }],
  invalid: [
    {
      code: 'FROM node:latest AS b',
      errors: [{ messageId: 'latest', line: 1 }],
      output:
        'FROM node:${1|26-alpine,26-trixie-slim,24-alpine,24-trixie-slim,24-bookworm-slim,22-alpine,22-bookworm-slim|} AS b',
    },
  ],
});

testRule(language, r('DL3008'), {
  valid: [
    { code: 'FROM a:1\nRUN apt-get install -y curl=7.88 ./local.deb' },
    { code: 'FROM a:1\nRUN apt-get install -s curl' },
    { code: 'FROM a:1\nRUN apt-get update' },
  ],
  invalid: [
    // issue 16: several packages are named as several, not as one `curl, tini=<version>`
    {
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl tini',
      errors: [{ messageId: 'unpinnedMany', line: 2, data: { pkgs: '`curl`, `tini`', example: 'curl=<version>' } }],
    },
    {
      code: 'FROM a:1\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n  curl \\\n  git=1:2.39',
      errors: [{ messageId: 'unpinned', line: 3 }],
    },
    {
      code: 'FROM a:1\nRUN set -eux; apt-get -o Dpkg::Options::=x install -y wget',
      errors: [{ messageId: 'unpinned', line: 2 }],
    },
    { code: "FROM a:1\nRUN sh -c 'apt-get install -y jq'", errors: [{ messageId: 'unpinned', line: 2 }] },
  ],
});

testRule(language, r('DL3009'), {
  valid: [
    { code: 'FROM a:1\nRUN apt-get update && apt-get install -y x \\\n && rm -rf /var/lib/apt/lists/*' },
    { code: 'FROM a:1\nRUN set -eux; apt-get update; apt-get install -y x; apt-get dist-clean' },
    { code: 'FROM a:1 AS build\nRUN apt-get install -y x\nFROM b:1' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get install -y x' },
    {
      code:
        'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt ' +
        'apt-get install x',
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update && apt-get install -y x',
      errors: [{ messageId: 'noCleanup', line: 2 }],
      output: 'FROM a:1\nRUN apt-get update && apt-get install -y x \\\n    && rm -rf /var/lib/apt/lists/*',
    },
  ],
});

testRule(language, r('DL3010'), {
  valid: [{ code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN echo' }],
  invalid: [
    {
      code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt',
      errors: [{ messageId: 'archive', line: 2 }],
    },
  ],
});

testRule(language, r('DL3011'), {
  valid: [{ code: 'FROM a:1\nEXPOSE 80 443/tcp 8000-8010' }],
  invalid: [{ code: 'FROM a:1\nEXPOSE 80000', errors: [{ messageId: 'range', line: 2 }] }],
});

testRule(language, r('DL3012'), {
  valid: [{ code: 'FROM a:1\nHEALTHCHECK CMD x\nFROM b:1\nHEALTHCHECK CMD y' }],
  invalid: [
    {
      code: 'FROM a:1\nHEALTHCHECK CMD x\nHEALTHCHECK CMD y',
      errors: [{ messageId: 'multiple', line: 3 }],
      output: 'FROM a:1\nHEALTHCHECK CMD y',
    },
  ],
});

testRule(language, r('DL3013'), {
  valid: [
    // issue 16: options that take a value are not packages; VCS URLs with a ref are pinned
    { code: 'FROM python:3.12\nRUN pip install --root-user-action ignore --no-cache-dir flask==3.0.3' },
    { code: 'FROM python:3.12\nRUN pip install "lib @ git+https://git.example.com/lib.git@v1.2"' },
    { code: 'FROM python:3.12\nRUN pipx install poetry==1.8.3' },
    { code: 'FROM a:1\nRUN pip install --no-cache-dir -r requirements.txt flask==3.0 ./pkg git+https://x/y.git' },
    { code: 'FROM a:1\nRUN python -m pip install "django>=4"' },
  ],
  invalid: [
    // issue 16: a VCS URL without a ref, and pipx
    {
      code: 'FROM python:3.12\nRUN pip install git+https://git.example.com/team/lib.git#egg=lib',
      errors: [{ messageId: 'unpinned', line: 2 }],
    },
    { code: 'FROM python:3.12\nRUN pipx install poetry', errors: [{ messageId: 'unpinned', line: 2 }] },
    { code: 'FROM a:1\nRUN pip install flask', errors: [{ messageId: 'unpinned', line: 2 }] },
    { code: 'FROM a:1\nRUN python3 -m pip install --upgrade pip', errors: [{ messageId: 'unpinned', line: 2 }] },
  ],
});

testRule(language, r('DL3014'), {
  valid: [
    // issue 16: quiet level 2 spelled twice
    { code: 'FROM debian:12\nRUN apt-get -q -q install curl' },
    { code: 'FROM a:1\nRUN apt-get install -y x' },
    { code: 'FROM a:1\nRUN apt-get -qq install x' },
    { code: 'FROM a:1\nRUN apt-get install --yes x' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get install x',
      errors: [{ messageId: 'noYes', line: 2 }],
      output: 'FROM a:1\nRUN apt-get install -y x',
    },
  ],
});

testRule(language, r('DL3015'), {
  valid: [{ code: 'FROM a:1\nRUN apt-get install -y --no-install-recommends x' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get install -y x',
      errors: [{ messageId: 'recommends', line: 2 }],
      output: 'FROM a:1\nRUN apt-get install --no-install-recommends -y x',
    },
  ],
});

testRule(language, r('DL3016'), {
  valid: [
    // issue 16: options that take a value before the subcommand or the packages
    { code: 'FROM node:20\nRUN npm --loglevel verbose install chalk@5.3.0' },
    { code: 'FROM node:20\nRUN npm install --omit dev --loglevel warn' },
    { code: 'FROM node:20\nRUN npm install git+https://git.example.com/team/widgets.git#v2.0.0' },
    { code: 'FROM a:1\nRUN npm ci && npm install && npm install -g npm@10 @scope/x@1.2 ./local' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN npm install -g typescript @angular/cli',
      errors: [
        { messageId: 'unpinned', line: 2 },
        { messageId: 'unpinned', line: 2 },
      ],
    },
  ],
});

testRule(language, r('DL3018'), {
  valid: [{ code: 'FROM a:1\nRUN apk add --no-cache curl=8.5.0-r0 --virtual .deps gcc~13' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN apk add --no-cache --virtual .build-deps curl',
      errors: [{ messageId: 'unpinned', line: 2 }],
    },
  ],
});

testRule(language, r('DL3019'), {
  valid: [
    { code: 'FROM a:1\nRUN apk add --no-cache x' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add x' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apk update && apk add x',
      errors: [{ messageId: 'noCache', line: 2 }],
      output: 'FROM a:1\nRUN apk update && apk add --no-cache x',
    },
  ],
});

testRule(language, r('DL3020'), {
  valid: [
    { code: 'FROM a:1\nADD https://example.com/x /x\nADD app.tar.gz /opt/\nCOPY a /a' },
    { code: 'FROM a:1\nADD --checksum=sha256:abc x /x' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nADD app.py /app/',
      errors: [{ messageId: 'add', line: 2 }],
      output: 'FROM a:1\nCOPY app.py /app/',
    },
  ],
});

testRule(language, r('DL3021'), {
  valid: [{ code: 'FROM a:1\nCOPY a b /dir/\nCOPY a /b' }],
  invalid: [
    { code: 'FROM a:1\nCOPY a b /dir', errors: [{ messageId: 'slash', line: 2 }], output: 'FROM a:1\nCOPY a b /dir/' },
    {
      code: 'FROM a:1\nCOPY ["a", "b", "/dir"]',
      errors: [{ messageId: 'slash', line: 2 }],
      output: 'FROM a:1\nCOPY ["a", "b", "/dir/"]',
    },
  ],
});

testRule(language, r('DL3022'), {
  valid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\nCOPY --from=0 /y /y\nCOPY --from=nginx:1 /z /z' },
    { code: 'FROM a:1\nCOPY --from=busybox:1.36 /bin/sh /sh' },
  ],
  invalid: [
    // an image without a tag, as hadolint; and a stage index with no such stage (the build fails)
    { code: 'FROM a:1\nCOPY --from=busybox /bin/sh /sh', errors: [{ messageId: 'unknown', line: 2 }] },
    { code: 'FROM a:1\nCOPY --from=0 /bin/sh /sh', errors: [{ messageId: 'index', line: 2 }] },
    {
      code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=biuld /x /x',
      errors: [{ messageId: 'unknown', line: 3 }],
      output: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x',
    },
  ],
});

testRule(language, r('DL3023'), {
  valid: [{ code: 'FROM a:1 AS x\nFROM b:1 AS y\nCOPY --from=x /a /a' }],
  invalid: [{ code: 'FROM a:1 AS x\nCOPY --from=x /a /a', errors: [{ messageId: 'self', line: 2 }] }],
});

testRule(language, r('DL3024'), {
  valid: [{ code: 'FROM a:1 AS x\nFROM a:1 AS y' }],
  invalid: [{ code: 'FROM a:1 AS x\nFROM a:1 AS X', errors: [{ messageId: 'duplicate', line: 2 }] }],
});

testRule(language, r('DL3025'), {
  valid: [{ code: 'FROM a:1\nCMD ["node", "x.js"]' }, { code: 'FROM a:1\nSHELL ["pwsh", "-c"]\nCMD Write-Host hi' }],
  invalid: [
    {
      code: 'FROM a:1\nCMD node server.js',
      errors: [{ messageId: 'shellForm', line: 2 }],
      output: 'FROM a:1\nCMD ["node", "server.js"]',
    },
    { code: 'FROM a:1\nENTRYPOINT exec "$0" $@', errors: [{ messageId: 'shellForm', line: 2 }] },
  ],
});

testRule(language, r('DL3027'), {
  valid: [{ code: 'FROM a:1\nRUN apt-get install -y x' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt install -y x',
      errors: [{ messageId: 'apt', line: 2 }],
      output: 'FROM a:1\nRUN apt-get install -y x',
    },
  ],
});

testRule(language, r('DL3028'), {
  valid: [{ code: 'FROM a:1\nRUN gem install bundler:2.5.6 && gem install rails -v 7.1' }],
  invalid: [{ code: 'FROM a:1\nRUN gem install bundler', errors: [{ messageId: 'unpinned', line: 2 }] }],
});

testRule(language, r('DL3029'), {
  valid: [{ code: 'FROM --platform=$BUILDPLATFORM a:1' }, { code: 'FROM --platform=linux/amd64 a:1 AS build-amd64' }],
  invalid: [
    { code: 'FROM --platform=linux/amd64 a:1', errors: [{ messageId: 'platform', line: 1 }], output: 'FROM a:1' },
  ],
});

testRule(language, r('DL3030'), {
  valid: [{ code: 'FROM a:1\nRUN yum install -y httpd' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN yum install httpd',
      errors: [{ messageId: 'noYes', line: 2 }],
      output: 'FROM a:1\nRUN yum install -y httpd',
    },
  ],
});

testRule(language, r('DL3032'), {
  valid: [{ code: 'FROM a:1\nRUN yum install -y httpd-2.4 && yum clean all' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN yum install -y httpd-2.4',
      errors: [{ messageId: 'noClean', line: 2 }],
      output: 'FROM a:1\nRUN yum install -y httpd-2.4 \\\n    && yum clean all',
    },
  ],
});

testRule(language, r('DL3033'), {
  valid: [{ code: 'FROM a:1\nRUN yum install -y httpd-2.4.57' }],
  invalid: [{ code: 'FROM a:1\nRUN yum install -y httpd', errors: [{ messageId: 'unpinned', line: 2 }] }],
});

testRule(language, r('DL3034'), {
  valid: [{ code: 'FROM a:1\nRUN zypper -n install x=1' }, { code: 'FROM a:1\nRUN zypper install -y x=1' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper install x=1',
      errors: [{ messageId: 'noYes', line: 2 }],
      output: 'FROM a:1\nRUN zypper install -y x=1',
    },
  ],
});

testRule(language, r('DL3035'), {
  valid: [{ code: 'FROM a:1\nRUN zypper -n update' }],
  invalid: [{ code: 'FROM a:1\nRUN zypper -n dist-upgrade', errors: [{ messageId: 'dup', line: 2 }] }],
});

testRule(language, r('DL3036'), {
  valid: [{ code: 'FROM a:1\nRUN zypper install -y x=1 && zypper clean' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper install -y x=1',
      errors: [{ messageId: 'noClean', line: 2 }],
      output: 'FROM a:1\nRUN zypper install -y x=1 \\\n    && zypper clean',
    },
  ],
});

testRule(language, r('DL3037'), {
  valid: [{ code: 'FROM a:1\nRUN zypper install -y x=1.2' }],
  invalid: [{ code: 'FROM a:1\nRUN zypper install -y x', errors: [{ messageId: 'unpinned', line: 2 }] }],
});

testRule(language, r('DL3038'), {
  valid: [{ code: 'FROM a:1\nRUN dnf install -y x-1' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN dnf install x-1',
      errors: [{ messageId: 'noYes', line: 2 }],
      output: 'FROM a:1\nRUN dnf install -y x-1',
    },
  ],
});

testRule(language, r('DL3040'), {
  valid: [
    { code: 'FROM a:1\nRUN dnf install -y x-1 && dnf clean all' },
    { code: 'FROM a:1\nRUN microdnf install -y x-1 && microdnf clean all' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN dnf install -y x-1',
      errors: [{ messageId: 'noClean', line: 2 }],
      output: 'FROM a:1\nRUN dnf install -y x-1 \\\n    && dnf clean all',
    },
  ],
});

testRule(language, r('DL3041'), {
  valid: [{ code: 'FROM a:1\nRUN dnf install -y x-1.2' }],
  invalid: [{ code: 'FROM a:1\nRUN dnf install -y x', errors: [{ messageId: 'unpinned', line: 2 }] }],
});

testRule(language, r('DL3042'), {
  valid: [
    { code: 'FROM a:1\nRUN pip install --no-cache-dir x==1' },
    { code: 'FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN pip install x==1',
      errors: [{ messageId: 'cache', line: 2 }],
      output: 'FROM a:1\nRUN pip install --no-cache-dir x==1',
    },
  ],
});

testRule(language, r('DL3043'), {
  valid: [{ code: 'FROM a:1\nONBUILD RUN echo' }],
  invalid: [{ code: 'FROM a:1\nONBUILD FROM b:1', errors: [{ messageId: 'trigger', line: 2 }] }],
});

testRule(language, r('DL3044'), {
  valid: [
    { code: 'FROM a:1\nENV PATH=/x:$PATH' },
    { code: 'FROM a:1\nENV A=1\nENV B=$A' },
    { code: 'FROM a:1\nENV PATH /x:$PATH' },
  ],
  invalid: [{ code: 'FROM a:1\nENV A=1 B=$A', errors: [{ messageId: 'self', line: 2 }] }],
});

testRule(language, r('DL3045'), {
  valid: [
    { code: 'FROM a:1\nWORKDIR /app\nCOPY a .' },
    { code: 'FROM a:1 AS b\nWORKDIR /app\nFROM b\nCOPY a .' },
    { code: 'FROM a:1\nCOPY a /app/' },
  ],
  invalid: [{ code: 'FROM a:1\nCOPY a .', errors: [{ messageId: 'relative', line: 2 }] }],
});

testRule(language, r('DL3046'), {
  valid: [{ code: 'FROM a:1\nRUN useradd -u 1000 app && useradd -l -u 123456789 b' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN useradd -u 123456789 app',
      errors: [{ messageId: 'lastlog', line: 2 }],
      output: 'FROM a:1\nRUN useradd -l -u 123456789 app',
    },
  ],
});

testRule(language, r('DL3047'), {
  valid: [{ code: 'FROM a:1\nRUN wget -q https://x && wget -nv https://y && wget --progress=dot:giga https://z' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN wget -O x.tgz https://x',
      errors: [{ messageId: 'progress', line: 2 }],
      output: 'FROM a:1\nRUN wget --progress=dot:giga -O x.tgz https://x',
    },
  ],
});

testRule(language, r('DL3048'), {
  valid: [{ code: 'FROM a:1\nLABEL org.opencontainers.image.title="x" version=1' }],
  invalid: [
    {
      code: 'FROM a:1\nLABEL Org.Example=1 a..b=2 com.docker.x=3',
      errors: [
        { messageId: 'key', line: 2 },
        { messageId: 'key', line: 2 },
        { messageId: 'key', line: 2 },
      ],
    },
  ],
});

testRule(language, r('DL3057'), {
  valid: [{ code: 'FROM a:1\nHEALTHCHECK CMD x' }],
  invalid: [{ code: 'FROM a:1', errors: [{ messageId: 'missing', line: 1 }] }],
});

testRule(language, r('DL3059'), {
  valid: [
    // issue 16 (hadolint issue 805): a RUN right after a here-document RUN
    { code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN curl --version' },
    { code: 'FROM debian:12\nRUN <<EOF\nset -e\nEOF\nRUN echo done' },
    { code: 'FROM a:1\nRUN a\nCOPY x /x\nRUN b' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/c a\nRUN b' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update\nRUN apt-get install -y x',
      errors: [{ messageId: 'consecutive', line: 3 }],
      output: 'FROM a:1\nRUN apt-get update \\\n    && apt-get install -y x',
    },
  ],
});

testRule(language, r('DL3060'), {
  valid: [{ code: 'FROM a:1\nRUN yarn install && yarn cache clean' }, { code: 'FROM a:1\nRUN yarn build' }],
  invalid: [
    {
      code: 'FROM a:1\nRUN yarn install --frozen-lockfile',
      errors: [{ messageId: 'noClean', line: 2 }],
      output: 'FROM a:1\nRUN yarn install --frozen-lockfile \\\n    && yarn cache clean',
    },
  ],
});

testRule(language, r('DL3061'), {
  valid: [{ code: '# c\nARG X=1\nFROM a:1' }],
  invalid: [{ code: 'RUN x\nFROM a:1', errors: [{ messageId: 'order', line: 1 }] }],
});

testRule(language, r('DL3062'), {
  valid: [{ code: 'FROM a:1\nRUN go install golang.org/x/tools/gopls@v0.15.3 && go install ./...' }],
  invalid: [
    { code: 'FROM a:1\nRUN go install golang.org/x/tools/gopls@latest', errors: [{ messageId: 'unpinned', line: 2 }] },
  ],
});

testRule(language, r('DL4000'), {
  valid: [{ code: 'FROM a:1\nLABEL maintainer="x"' }],
  invalid: [
    {
      code: 'FROM a:1\nMAINTAINER Jane <j@x.org>',
      errors: [{ messageId: 'maintainer', line: 2 }],
      output: 'FROM a:1\nLABEL maintainer="Jane <j@x.org>"',
    },
  ],
});

testRule(language, r('DL4001'), {
  valid: [{ code: 'FROM a:1\nRUN wget -q x\nFROM b:1\nRUN curl -fsSL y' }],
  invalid: [{ code: 'FROM a:1\nRUN wget -q x && curl -fsSL y', errors: [{ messageId: 'both', line: 2 }] }],
});

testRule(language, r('DL4003'), {
  valid: [{ code: 'FROM a:1\nCMD ["a"]\nFROM b:1\nCMD ["b"]' }],
  invalid: [
    {
      code: 'FROM a:1\nCMD ["a"]\nCMD ["b"]',
      errors: [{ messageId: 'multiple', line: 3 }],
      output: 'FROM a:1\nCMD ["b"]',
    },
  ],
});

testRule(language, r('DL4004'), {
  valid: [{ code: 'FROM a:1\nENTRYPOINT ["a"]' }],
  invalid: [
    {
      code: 'FROM a:1\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]',
      errors: [{ messageId: 'multiple', line: 3 }],
      output: 'FROM a:1\nENTRYPOINT ["b"]',
    },
  ],
});

testRule(language, r('DL4005'), {
  valid: [{ code: 'FROM a:1\nRUN ln -s /a /b' }],
  invalid: [{ code: 'FROM a:1\nRUN ln -sf /bin/bash /bin/sh', errors: [{ messageId: 'ln', line: 2 }] }],
});

testRule(language, r('DL4006'), {
  valid: [
    { code: 'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b' },
    { code: 'FROM a:1\nRUN set -o pipefail && a | b' },
    { code: 'FROM a:1\nRUN set -euxo pipefail; a | b' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL x | tar -xz',
      errors: [{ messageId: 'pipe', line: 2 }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL x | tar -xz',
    },
    {
      code: 'FROM alpine:3.20\nRUN wget -qO- x | sh',
      errors: [{ messageId: 'pipe', line: 2 }],
      output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- x | sh',
    },
  ],
});

testRule(language, r('DL1001'), {
  valid: [{ code: '# a comment\nFROM a:1' }],
  invalid: [{ code: '# hadolint ignore=DL3006\nFROM a', errors: [{ messageId: 'pragma', line: 1 }] }],
});

testRule(language, r('DL3066'), {
  valid: [
    { code: 'FROM a:1\nUSER 1001' },
    { code: 'FROM a:1\nUSER 1001:1001' },
    { code: 'FROM a:1\nUSER 1001:app' },
    { code: 'FROM a:1\nARG UID=1001\nUSER $UID' },
  ],
  invalid: [
    { code: 'FROM a:1\nUSER node', errors: [{ messageId: 'name', line: 2, data: { user: 'node' } }] },
    { code: 'FROM a:1\nUSER app:1001', errors: [{ messageId: 'name', line: 2 }] },
  ],
});

testRule(language, r('DL3067'), {
  valid: [
    { code: 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b /out /' },
    { code: 'FROM a:1\nCOPY / /' },
    { code: 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /rootfs/' },
  ],
  invalid: [
    {
      code: 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /',
      errors: [{ messageId: 'root', line: 3, data: { from: 'b' } }],
    },
    { code: 'FROM c:1\nCOPY --from=busybox:1.36 ["/", "/"]', errors: [{ messageId: 'root', line: 2 }] },
  ],
});

// issue 16: a cache mount makes the cache-cleaning rules stand down only at the tool's own cache directory
testRule(language, r('DL3040'), {
  valid: [
    { code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y nginx-1.26.0' },
    { code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache dnf install -y nginx-1.26.0' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/apt dnf install -y nginx-1.26.0',
      errors: [{ messageId: 'noClean', line: 2 }],
      output:
        'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/apt dnf install -y nginx-1.26.0 \\\n' +
        '    && dnf clean all',
    },
    {
      code: 'FROM fedora:40\nRUN microdnf install -y nginx-1.26.0',
      errors: [{ messageId: 'noClean', line: 2, data: { clean: 'microdnf clean all' } }],
      output: 'FROM fedora:40\nRUN microdnf install -y nginx-1.26.0 \\\n    && microdnf clean all',
    },
  ],
});
