#!/usr/bin/env node
/**
 * Generates server/src/languages/compose/data/spec.json, Shipshape's own compact model of the
 * Compose Specification, from the facts of the JSON schema Docker Compose itself loads: compose-go's
 * (JSON Schema 2020-12, `$defs`), which is newer than the spec repository's (it has `pre_start`
 * hooks). Facts only (keys, types, enums, patterns, required keys, accepted forms): no description
 * text is taken from the schema; the hover text below is our own, written by hand for the keys people
 * use most; the other keys get a generated summary of their accepted forms at hover time.
 *
 * Usage: node scripts/gen-compose-model.mjs [path/to/schema.json]
 *   default: ../shared/data/schemas/compose-go-schema.json beside the checkout.
 *   --check: exit 1 when the committed file differs from what would be generated.
 * Exits 2 when the schema is not found. The file records its source (repository, path, commit) and
 * date, from the shared schemas README.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsDate, schemaProvenance, sharedPath } from './lib/provenance.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const schemaPath =
  args.find((a) => !a.startsWith('--')) ??
  sharedPath(root, 'data/schemas/compose-go-schema.json') ??
  resolve(root, '../shared/data/schemas/compose-go-schema.json');
const outPath = resolve(root, 'server/src/languages/compose/data/spec.json');
if (!existsSync(schemaPath)) {
  console.error(`reference schema not found: ${schemaPath}`);
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// 2020-12 keeps definitions under `$defs`, draft-07 under `definitions`: either is read the same way.
const definitions = schema.$defs ?? schema.definitions ?? {};
const REF = /^#\/(\$defs|definitions)\//;

// ---- 1. the schema's facts, in our shape ---------------------------------------------------------
function convert(s) {
  if (s === true || s === undefined) return {};
  if (s === false) return { never: true };
  const out = {};
  if (s.$ref) out.ref = s.$ref.replace(REF, '');
  if (s.type) out.t = Array.isArray(s.type) ? [...s.type] : [s.type];
  if (s.enum) out.enum = [...s.enum];
  if (s.pattern) out.pattern = s.pattern;
  if (s.minimum !== undefined) out.min = s.minimum;
  if (s.maximum !== undefined) out.max = s.maximum;
  if (s.deprecated) out.deprecated = true;
  if (s.oneOf) out.oneOf = s.oneOf.map(convert);
  if (s.anyOf) out.oneOf = s.anyOf.map(convert);
  if (s.properties) out.props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v)]));
  if (s.patternProperties) {
    for (const [re, v] of Object.entries(s.patternProperties)) {
      if (re === '^x-' && Object.keys(v).length === 0) out.ext = true;
      else (out.patterns ??= []).push([re, convert(v)]);
    }
  }
  if (s.additionalProperties === false) out.closed = true;
  else if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.extra = convert(s.additionalProperties);
  if (s.required) out.req = [...s.required];
  if (s.items) out.items = convert(s.items);
  if (s.uniqueItems) out.unique = true;
  const known = new Set([
    '$ref',
    'type',
    'enum',
    'pattern',
    'minimum',
    'maximum',
    'deprecated',
    'oneOf',
    'anyOf',
    'properties',
    'patternProperties',
    'additionalProperties',
    'required',
    'items',
    'uniqueItems',
    'description',
    'title',
    'default',
    'format',
    '$schema',
    '$id',
    'examples',
    'definitions',
    '$defs',
  ]);
  for (const k of Object.keys(s)) if (!known.has(k)) throw new Error(`schema keyword not modelled: ${k}`);
  if (s.format) out.format = s.format;
  return out;
}

const from = schemaProvenance(schemaPath);
const spec = {
  source: from
    ? `${from.repo} ${from.path} at ${from.commit} (facts only)`
    : `${basename(schemaPath)} (facts only; commit unknown)`,
  date: from?.date ?? '',
  root: convert({ ...schema, definitions: undefined, $defs: undefined }),
  defs: {},
};
for (const [name, def] of Object.entries(definitions)) spec.defs[name] = convert(def);

// ---- 2. where to step: "def:a.b.c" names a key inside a definition ------------------------------
function locate(path) {
  const [def, rest] = path.includes(':') ? path.split(':') : ['', path];
  let shape = def ? spec.defs[def] : spec.root;
  if (!shape) throw new Error(`no definition ${def} (${path})`);
  for (const step of rest ? rest.split('.') : []) {
    const next = stepInto(shape, step);
    if (!next) throw new Error(`no key ${step} in ${path}`);
    shape = next;
  }
  return shape;
}
function stepInto(shape, step) {
  if (shape.ref) return stepInto(spec.defs[shape.ref], step);
  if (step === '[]') {
    if (shape.items) return shape.items.ref ? spec.defs[shape.items.ref] : shape.items;
    for (const b of shape.oneOf ?? []) {
      const r = stepInto(b, step);
      if (r) return r;
    }
    return undefined;
  }
  if (shape.props?.[step]) return shape.props[step];
  for (const b of shape.oneOf ?? []) {
    const r = stepInto(b, step);
    if (r) return r;
  }
  if (step === '*' && shape.patterns) return shape.patterns[0][1];
  return undefined;
}

// ---- 3. value formats the schema leaves as plain strings ---------------------------------------
const formats = {
  duration: [
    'healthcheck:interval',
    'healthcheck:timeout',
    'healthcheck:start_period',
    'healthcheck:start_interval',
    'service:stop_grace_period',
    'deployment:update_config.delay',
    'deployment:update_config.monitor',
    'deployment:rollback_config.delay',
    'deployment:rollback_config.monitor',
    'deployment:restart_policy.delay',
    'deployment:restart_policy.window',
  ],
  bytes: [
    'service:mem_limit',
    'service:mem_reservation',
    'service:memswap_limit',
    'service:shm_size',
    'service:build.shm_size',
    'deployment:resources.limits.memory',
    'deployment:resources.reservations.memory',
    'service:volumes.[].tmpfs.size',
    'blkio_limit:rate',
  ],
};
for (const [fmt, paths] of Object.entries(formats)) for (const p of paths) locate(p).fmt = fmt;

// ---- 4. values offered by completion (not enforced by the reference schema) ---------------------
const suggest = {
  'service:restart': ['no', 'always', 'on-failure', 'on-failure:3', 'unless-stopped'],
  'service:pull_policy': ['always', 'never', 'missing', 'build', 'if_not_present', 'daily', 'weekly'],
  'service:network_mode': ['bridge', 'host', 'none'],
  'service:ipc': ['host', 'private', 'shareable'],
  'service:pid': ['host'],
  'service:logging.driver': [
    'json-file',
    'local',
    'journald',
    'syslog',
    'gelf',
    'fluentd',
    'awslogs',
    'splunk',
    'none',
  ],
  'service:ports.[].protocol': ['tcp', 'udp', 'sctp'],
  'service:ports.[].mode': ['host', 'ingress'],
  'service:volumes.[].bind.propagation': ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'],
  'service:volumes.[].consistency': ['consistent', 'cached', 'delegated'],
  'deployment:mode': ['replicated', 'global', 'replicated-job', 'global-job'],
  'deployment:endpoint_mode': ['vip', 'dnsrr'],
  'deployment:restart_policy.condition': ['none', 'on-failure', 'any'],
  'deployment:update_config.failure_action': ['continue', 'rollback', 'pause'],
  'deployment:rollback_config.failure_action': ['continue', 'pause'],
  'network:driver': ['bridge', 'overlay', 'host', 'none', 'macvlan', 'ipvlan'],
  'volume:driver': ['local'],
};
for (const [p, values] of Object.entries(suggest)) locate(p).suggest = values;

// ---- 5. hover text, in our own words -------------------------------------------------------------
const docs = {
  ':version': 'Obsolete. Compose ignores it and warns; delete it.',
  ':name':
    'The project name, used as the prefix of container, network and volume ' +
    'names unless `-p` or `COMPOSE_PROJECT_NAME` sets another.',
  ':include':
    'Other compose files whose services, volumes and networks join this ' +
    'project, each resolved relative to its own folder.',
  ':services': 'The containers of the application, one entry per service name.',
  ':networks': 'Networks the services join. Undeclared, each project gets one network named `default`.',
  ':volumes': 'Named volumes that services mount by name; data in them outlives the containers.',
  ':secrets':
    'Sensitive values (from a file or an environment variable) mounted into services under `/run/secrets/<name>`.',
  ':configs': 'Configuration files mounted into services without baking them into the image.',
  ':models': 'AI models that services can use through Docker Model Runner.',
  'service:image':
    'The image to run, `name[:tag]` or `name@sha256:digest`. With `build`, the name given to the built image.',
  'service:build':
    'Build the image from a Dockerfile: a path to the build context, or a ' +
    'mapping with `context`, `dockerfile`, `args`, `target` and more.',
  'service:build.context':
    "The folder (or git URL) sent to the builder; relative paths start at the compose file's folder.",
  'service:build.dockerfile': 'The Dockerfile to use, relative to the context. Default: `Dockerfile`.',
  'service:build.dockerfile_inline': "The Dockerfile's text written right here instead of in a file.",
  'service:build.args': "Values for the Dockerfile's `ARG`s, as a list of `NAME=value` or a mapping.",
  'service:build.target': 'The stage of a multi-stage Dockerfile to build (a `FROM ... AS <name>` name).',
  'service:build.cache_from': 'Images or cache sources the builder may reuse layers from.',
  'service:build.platforms': 'Platforms to build for, such as `linux/amd64`.',
  'service:build.secrets': 'Secrets made available to `RUN --mount=type=secret` during the build.',
  'service:command': "Overrides the image's `CMD`: a string run through a shell-like split, or a list of arguments.",
  'service:entrypoint': "Overrides the image's `ENTRYPOINT`; also clears its `CMD` unless `command` is set.",
  'service:container_name':
    'A fixed container name instead of the generated ' +
    '`<project>-<service>-<n>`. Prevents running more than one replica.',
  'service:depends_on':
    'Services to start before this one. The mapping form sets a ' +
    '`condition`: started, healthy, or completed successfully.',
  'service:depends_on.*.condition':
    '`service_started` (default), `service_healthy` (waits for its ' +
    'healthcheck) or `service_completed_successfully` (waits for it to exit 0).',
  'service:depends_on.*.restart': 'Restart this service when the dependency is updated.',
  'service:depends_on.*.required': 'When false, a missing or disabled dependency is only a warning.',
  'service:environment':
    'Environment variables of the container, as `NAME=value` items or a ' +
    'mapping. Values are interpolated from the shell and `.env` first.',
  'service:env_file': "Files of `NAME=value` lines loaded into the container's environment.",
  'service:ports':
    'Published ports, `[host_ip:][host_port:]container_port[/protocol]` or ' +
    'the long form with `target`, `published`, `protocol`, `mode`.',
  'service:expose': 'Ports reachable from other containers on the same networks, not published to the host.',
  'service:volumes':
    'Mounts: `named_volume:/path`, `./host/path:/path[:ro]`, or the long form with `type`, `source`, `target`.',
  'service:volumes_from': 'Mount every volume of another service (or `container:<name>`), optionally `:ro`.',
  'service:networks':
    'Networks this service joins, as a list of names or a mapping with per-network `aliases`, addresses and priority.',
  'service:network_mode':
    '`bridge`, `host`, `none`, `service:<name>` or `container:<name>`: ' +
    'share a network stack instead of joining networks.',
  'service:healthcheck':
    'How Docker decides the container is healthy. Needed by `depends_on` with `condition: service_healthy`.',
  'healthcheck:test':
    '`["CMD", "prog", "arg"]` runs a program, `["CMD-SHELL", "cmd"]` or a ' +
    'plain string runs a shell command, `["NONE"]` turns off the image\'s check.',
  'healthcheck:interval': 'Time between checks, e.g. `30s` or `1m30s`.',
  'healthcheck:timeout': 'How long one check may run before it counts as failed.',
  'healthcheck:retries': 'Consecutive failures before the container is marked unhealthy.',
  'healthcheck:start_period': 'Grace time after start during which failures do not count.',
  'healthcheck:start_interval': 'Time between checks during the start period.',
  'healthcheck:disable': 'Turns off any healthcheck set by the image.',
  'service:restart': '`no` (default), `always`, `on-failure[:max-retries]` or `unless-stopped`.',
  'service:deploy': 'Replicas, resource limits, restart and update policies of the service.',
  'deployment:replicas': 'How many containers of this service to run.',
  'deployment:resources': 'CPU and memory `limits` and `reservations`.',
  'deployment:resources.limits.memory': 'The most memory the container may use, e.g. `512M`.',
  'deployment:resources.limits.cpus': 'The most CPUs the container may use, e.g. `0.5`.',
  'deployment:restart_policy': 'When to restart containers: `condition`, `delay`, `max_attempts`, `window`.',
  'service:labels': 'Metadata on the container, as a list of `key=value` or a mapping.',
  'service:logging': 'The log driver and its options.',
  'service:user': 'The user (and group) the process runs as, `uid[:gid]` or a name.',
  'service:working_dir': "The working directory of the process, overriding the image's `WORKDIR`.",
  'service:hostname': "The container's host name.",
  'service:extra_hosts': 'Extra `/etc/hosts` lines, `host:ip` or `host=ip`.',
  'service:dns': 'DNS servers the container uses.',
  'service:privileged': 'Gives the container nearly all host capabilities. Avoid unless truly needed.',
  'service:cap_add': 'Linux capabilities to add, e.g. `NET_ADMIN`.',
  'service:cap_drop': 'Linux capabilities to remove, e.g. `ALL`.',
  'service:read_only': "Mounts the container's root filesystem read-only.",
  'service:tmpfs': 'Paths mounted as in-memory filesystems.',
  'service:secrets': 'Secrets (declared at the top level) this service may read under `/run/secrets/`.',
  'service:configs': 'Configs (declared at the top level) mounted into this service.',
  'service:profiles': 'The service starts only when one of these profiles is enabled (`--profile`).',
  'service:extends': "Start from another service's definition (in this file or in `file`) and override it here.",
  'service:links':
    'Legacy: extra host names for other services. Services on a shared network already reach each other by name.',
  'service:stop_grace_period': 'How long to wait after the stop signal before killing the container, e.g. `10s`.',
  'service:stop_signal': 'The signal sent to stop the container, e.g. `SIGINT`.',
  'service:init': 'Runs a tiny init process as PID 1 that forwards signals and reaps zombies.',
  'service:platform': 'The platform of the image to run, e.g. `linux/arm64`.',
  'service:pull_policy':
    'When to pull the image: `always`, `never`, `missing`, `build`, `daily`, `weekly`, `every_<duration>`.',
  'service:stdin_open': 'Keep stdin open (like `docker run -i`).',
  'service:tty': 'Allocate a terminal (like `docker run -t`).',
  'service:ulimits': 'Process limits such as `nofile` or `nproc`, a number or `soft`/`hard`.',
  'service:shm_size': 'Size of `/dev/shm`, e.g. `256m`.',
  'service:mem_limit': 'Memory limit, e.g. `512m`.',
  'service:pre_start':
    'Steps run before the service container starts, in order, each in a throwaway container that must exit 0; ' +
    'a failing step stops the service and whatever depends on it.',
  'pre_start_hook:image': "The image of the step's container; the service's own image when left out.",
  'pre_start_hook:command': "What the step runs; needed unless the image's entrypoint already does the job.",
  'service:develop': 'Settings for `docker compose watch`: files to sync or rebuild on change.',
  'development:watch':
    'Rules: a `path` to watch and the `action` to take (`sync`, `rebuild`, `restart`, `sync+restart`, `sync+exec`).',
  'service:secrets.[].target': 'The file name (under `/run/secrets/`) or absolute path of the mounted secret.',
  'service:ports.[].target': 'The container port.',
  'service:ports.[].published': 'The host port or range.',
  'service:volumes.[].type': '`volume`, `bind`, `tmpfs`, `npipe`, `cluster` or `image`.',
  'service:volumes.[].source': 'The named volume, host path or image to mount.',
  'service:volumes.[].target': 'The path inside the container.',
  'network:driver': 'The network driver: `bridge` locally, `overlay` in a swarm.',
  'network:external': 'The network exists already and is not created or removed by Compose.',
  'network:ipam': 'Address management: subnets, gateways and IP ranges.',
  'volume:driver': 'The volume driver (default `local`).',
  'volume:external': 'The volume exists already and is not created or removed by Compose.',
  'volume:name': 'The real volume name, used as is (not prefixed with the project name).',
  'secret:file': 'Read the secret from this file, relative to the compose file.',
  'secret:environment': 'Read the secret from this environment variable.',
  'secret:external': 'The secret already exists on the platform.',
  'config:file': 'Read the config from this file.',
  'config:content': "The config's content, written inline.",
};
for (const [p, text] of Object.entries(docs)) locate(p).doc = text;

// ---- 6. write --------------------------------------------------------------------------------------
if (!spec.date) {
  const { date: _, ...facts } = spec;
  spec.date = factsDate(outPath, facts);
}
const json = JSON.stringify(spec, null, 1) + '\n';
if (check) {
  const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  if (current !== json) {
    console.error(`${outPath} is stale: run node scripts/gen-compose-model.mjs`);
    process.exit(1);
  }
  console.log('spec.json is up to date');
} else {
  writeFileSync(outPath, json);
  console.log(`wrote ${outPath} (${json.length} bytes, ${Object.keys(spec.defs).length} definitions)`);
}
