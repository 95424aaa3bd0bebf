import { LineIndex } from '../../server/src/text/lines';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { featureAt } from './harness';
import { linked, memoryService } from '../helpers/context';

const language = linked('compose');

const labels = (src: string, files?: Record<string, string>) => {
  const { ctx, offset } = featureAt(src, { files });
  return language.complete!(ctx, offset).map((i) => i.label);
};

describe('compose completion', () => {
  it('offers service keys with docs, not the ones already present', () => {
    const { ctx, offset } = featureAt('services:\n  web:\n    image: nginx:1.27\n    de|\n');
    const items = language.complete!(ctx, offset);
    const dep = items.find((i) => i.label === 'depends_on');
    assert.ok(dep, 'depends_on offered');
    assert.match(JSON.stringify(dep!.documentation), /Services to start before/);
    assert.ok(!items.some((i) => i.label === 'image'), 'image is already there');
    assert.ok(items.some((i) => i.label === 'healthcheck (skeleton)'));
  });
  it('offers top-level keys on an empty file', () => {
    const l = labels('|');
    for (const k of ['services', 'volumes', 'networks', 'secrets', 'configs', 'include', 'name'])
      assert.ok(l.includes(k), k);
  });
  it('offers other services in depends_on (list and mapping), links and extends', () => {
    const base =
      'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n  web:\n    image: nginx:1.27\n';
    assert.deepEqual(labels(base + '    depends_on:\n      - |\n').sort(), ['cache', 'db']);
    assert.deepEqual(labels(base + '    depends_on:\n      |\n').sort(), ['cache', 'db']);
    assert.deepEqual(labels(base + '    extends: |\n').sort(), ['cache', 'db']);
    assert.ok(labels(base + '    network_mode: |\n').includes('service:db'));
    assert.deepEqual(labels(base + '    depends_on: [db, c|]\n').sort(), ['cache', 'db']);
  });
  it('offers declared volumes, networks and secrets', () => {
    const decl = 'volumes:\n  pgdata:\nnetworks:\n  back:\nsecrets:\n  pw:\n    file: pw.txt\n';
    const vols = labels(decl + 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - |\n');
    assert.equal(vols[0], 'pgdata');
    assert.ok(vols.includes('type'), 'long-form keys too');
    assert.deepEqual(labels(decl + 'services:\n  db:\n    image: postgres:16\n    networks:\n      - |\n'), ['back']);
    assert.deepEqual(labels(decl + 'services:\n  db:\n    image: postgres:16\n    secrets:\n      - |\n'), [
      'pw',
      'source',
      'target',
      'uid',
      'gid',
      'mode',
    ]);
  });
  it('offers the Dockerfile stages in build.target', () => {
    const files = {
      '/ws/api/Dockerfile': 'FROM node:22 AS deps\nFROM node:22 AS build\nFROM node:22-slim AS runtime\n',
    };
    assert.deepEqual(labels('services:\n  api:\n    build:\n      context: ./api\n      target: |\n', files), [
      'deps',
      'build',
      'runtime',
    ]);
  });
  it('offers restart values, enum values and booleans', () => {
    assert.deepEqual(labels('services:\n  web:\n    restart: |\n'), [
      'no',
      'always',
      'on-failure',
      'on-failure:3',
      'unless-stopped',
    ]);
    assert.deepEqual(labels('services:\n  web:\n    depends_on:\n      db:\n        condition: |\n'), [
      'service_started',
      'service_healthy',
      'service_completed_successfully',
    ]);
    assert.ok(labels('services:\n  web:\n    privileged: |\n').includes('true'));
    assert.ok(labels('services:\n  web:\n    volumes:\n      - type: |\n').includes('bind'));
  });
  it('offers common images with tags and a healthcheck that fits the image', () => {
    assert.ok(labels('services:\n  db:\n    image: |\n').includes('postgres:18-alpine'));
    assert.ok(
      labels('services:\n  db:\n    image: redis:7\n    healthcheck:\n      test: |\n').includes(
        '["CMD", "redis-cli", "ping"]',
      ),
    );
  });
  it('offers keys inside a long-form list item', () => {
    const l = labels('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        |\n');
    assert.ok(l.includes('source') && l.includes('target') && l.includes('read_only'));
    assert.ok(!l.includes('type'));
  });
});

describe('compose hover', () => {
  it('explains a key in our words', () => {
    const { ctx, offset } = featureAt(
      'services:\n  web:\n    image: nginx:1.27\n    heal|thcheck:\n      test: ["CMD", "true"]\n',
    );
    const h = language.hover!(ctx, offset);
    assert.match(h?.markdown ?? '', /service_healthy/);
  });
  it('shows the service definition on a depends_on name', () => {
    const { ctx, offset } = featureAt(
      'services:\n  web:\n    image: nginx:1.27\n    depends_on: [d|b]\n  ' +
        'db:\n    image: postgres:16\n    environment:\n      A: 1\n',
    );
    const h = language.hover!(ctx, offset);
    assert.match(h!.markdown, /```yaml\ndb:\n {2}image: postgres:16\n {2}environment:\n {4}A: 1\n```/);
  });
  it('says nothing on a service defined nowhere: CP020 says it, and the editor shows it in the same hover', () => {
    const text =
      'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - redis\n  cache:\n    image: redis:7\n';
    const service = memoryService({ '/ws/compose.yaml': text });
    const doc = { path: '/ws/compose.yaml', text };
    const settings = service.settingsFor(doc.path);
    const at = text.indexOf('- redis') + 3;
    const said = service.validate(doc, settings).findings.filter((f) => f.start <= at && at <= f.end);
    assert.deepEqual(
      said.map((f) => f.code),
      ['CP020'],
    );
    assert.equal(service.hover(doc, at, settings), undefined);
  });
  it('shows a service an override file beside it defines, and where', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n';
    const service = memoryService({
      '/ws/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      '/ws/compose.override.yaml': text,
    });
    const doc = { path: '/ws/compose.override.yaml', text };
    const h = service.hover(doc, text.indexOf('[db]') + 1, service.settingsFor(doc.path));
    assert.match(h?.markdown ?? '', /^Defined in `compose.yaml`:\n\n```yaml\ndb:\n {2}image: postgres:16\n```/);
  });
});

describe('compose hover on declarations', () => {
  it('lists who uses a service or a volume', () => {
    const src =
      'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    ' +
      'volumes: ["data:/d"]\n  db:\n    image: postgres:16\nvolumes:\n  data:\n';
    const { ctx } = featureAt(src);
    assert.match(language.hover!(ctx, src.indexOf('  db:') + 3)!.markdown, /Used by `web` \(depends_on\)/);
    assert.match(language.hover!(ctx, src.lastIndexOf('data:') + 1)!.markdown, /Volume `data`.*Used by `web`/s);
  });
});

describe('compose navigation', () => {
  const src =
    'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
    'db:\n        condition: service_started\n    links: ["db:database"]\n    volumes: ' +
    '["data:/d"]\n  db:\n    image: postgres:16\n    network_mode: service:web\nvolumes:\n  ' +
    'data:\n';
  it('goes from a reference to the definition', () => {
    const { ctx } = featureAt(src);
    const at = src.indexOf('db:database') + 1;
    const locs = language.definition!(ctx, at);
    assert.equal(locs.length, 1);
    assert.deepEqual(ctx.lines.position(locs[0].start), { line: 8, character: 2 });
    const vol = language.definition!(ctx, src.indexOf('data:/d') + 1);
    assert.deepEqual(ctx.lines.position(vol[0].start), { line: 12, character: 2 });
  });
  it('renames a service everywhere it is named', () => {
    const { ctx } = featureAt(src);
    const edits = language.rename!(ctx, src.indexOf('  db:\n    image') + 3, 'database')![0].edits;
    assert.equal(edits.length, 3);
    const { ctx: ctx2 } = featureAt(src);
    const web = language.rename!(ctx2, src.indexOf('service:web') + 9, 'frontend')![0].edits;
    assert.deepEqual(
      web.map((e) => ctx2.lines.position(e.start).line),
      [1, 10],
    );
    assert.equal(language.rename!(ctx2, src.indexOf('service:web') + 9, 'bad name'), undefined);
  });
  it('renames a service in the override file Compose merges with this one, and the other way round', () => {
    const base = 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:16\n';
    const override =
      'services:\n  db:\n    ports: ["5432:5432"]\n  web:\n    depends_on:\n ' +
      '     db:\n        condition: service_started\n';
    const service = memoryService({
      '/ws/compose.yaml': base,
      '/ws/compose.override.yaml': override,
      '/ws/other/compose.override.yaml': override,
    });
    const renamed = service.rename(
      { path: '/ws/compose.yaml', text: base },
      base.indexOf('  db:') + 3,
      'database',
      service.settingsFor('/ws/compose.yaml'),
    )!;
    assert.deepEqual(
      renamed.map((r) => [
        r.path,
        r.edits.map((e) => new LineIndex(r.path.endsWith('override.yaml') ? override : base).position(e.start).line),
      ]),
      [
        ['/ws/compose.yaml', [4, 3]],
        ['/ws/compose.override.yaml', [1, 5]],
      ],
    );
    const back = service.rename(
      { path: '/ws/compose.override.yaml', text: override },
      override.indexOf('  web:') + 3,
      'frontend',
      service.settingsFor('/ws/compose.override.yaml'),
    )!;
    assert.deepEqual(
      back.map((r) => r.path),
      ['/ws/compose.override.yaml', '/ws/compose.yaml'],
    );
  });
  it("completes build args from the ARGs of the service's Dockerfile, in both forms", () => {
    const dockerfile = 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\nARG NODE_ENV\nARG COMMIT\n';
    const mapping =
      'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_ENV: production\n        \n';
    const service = memoryService({ '/ws/Dockerfile': dockerfile, '/ws/compose.yaml': mapping });
    const labels = (text: string, offset: number) =>
      service
        .complete({ path: '/ws/compose.yaml', text }, offset, service.settingsFor('/ws/compose.yaml'))
        .map((i) => i.label);
    assert.deepEqual(labels(mapping, mapping.length - 1), ['NODE_VERSION', 'COMMIT']);
    const list = 'services:\n  app:\n    build:\n      context: .\n      args:\n        - \n';
    assert.deepEqual(labels(list, list.length - 1), ['NODE_VERSION', 'NODE_ENV', 'COMMIT']);
  });
  it('renames a volume in its declaration and its uses', () => {
    const { ctx } = featureAt(src);
    const edits = language.rename!(ctx, src.lastIndexOf('data:') + 1, 'pgdata')![0].edits;
    assert.deepEqual(edits.map((e) => ctx.lines.position(e.start).line).sort(), [12, 7]);
  });
  it('lists services and resources as symbols', () => {
    const { ctx } = featureAt(src);
    const syms = language.symbols!(ctx);
    assert.deepEqual(
      syms.map((s) => s.name),
      ['services', 'volumes'],
    );
    assert.deepEqual(
      syms[0].children!.map((c) => `${c.name}:${c.detail}`),
      ['web:nginx:1.27', 'db:postgres:16'],
    );
  });
});

describe('compose features through the service', () => {
  it('completes, hovers and goes across files via the real service and index', () => {
    const base = 'services:\n  base:\n    image: nginx:1.27\n';
    const text =
      'services:\n  web:\n    extends:\n      file: ./common.yaml\n      ' +
      'service: base\n    depends_on: [db]\n  db:\n    image: postgres:16\n';
    const service = memoryService({ '/ws/common.yaml': base, '/ws/compose.yaml': text });
    const doc = { path: '/ws/compose.yaml', text };
    const settings = service.settingsFor(doc.path);
    assert.deepEqual(
      service.validate(doc, settings).findings.map((f) => f.code),
      [],
    );
    const locs = service.definition(doc, text.indexOf('base\n') + 1, settings);
    assert.equal(locs.length, 1);
    assert.equal(locs[0].path, '/ws/common.yaml');
    assert.deepEqual(new LineIndex(base).position(locs[0].start), { line: 1, character: 2 });
    const hover = service.hover(doc, text.indexOf('[db]') + 1, settings);
    assert.match(JSON.stringify(hover), /postgres:16/);
    const items = service.complete(doc, text.indexOf('    depends_on') + 4, settings).map((i) => i.label);
    assert.ok(items.includes('restart'));
  });
});
