/**
 * Facts about running containers safely that more than one kind of file needs (compose services, task definition
 * containers, the checks across files): which Linux capabilities amount to root on the host, which host paths a
 * container must not see, which ports belong to databases and caches, which file names hold credentials.
 */
import { trimEndChar } from './trim';

/**
 * Capabilities that let a process escape the container or take the host's network or kernel (beyond Docker's
 * default set), with what each gives. `ALL` is every one of them.
 */
export const DANGEROUS_CAPABILITIES: Record<string, string> = {
  ALL: 'every capability, as good as privileged',
  SYS_ADMIN: 'mount, namespaces and most of root (the classic container escape)',
  SYS_MODULE: 'loading kernel modules (code in the host kernel)',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_PTRACE: "tracing other processes (reading their memory, other containers' too with a shared PID namespace)",
  SYS_BOOT: 'rebooting the host',
  SYS_TIME: "setting the host's clock",
  DAC_READ_SEARCH: 'reading any host file by handle (the "shocker" escape)',
  NET_ADMIN: 'changing network interfaces, routes and firewall rules',
  BPF: 'loading eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring',
  MAC_ADMIN: 'changing the AppArmor/SELinux policy',
  MAC_OVERRIDE: 'bypassing the AppArmor/SELinux policy',
  SYSLOG: 'reading kernel logs (kernel addresses)',
};

/** The capability's canonical name (`cap_sys_admin` → `SYS_ADMIN`), or undefined when it is not a dangerous one. */
export function dangerousCapability(name: string): string | undefined {
  const n = name.trim().toUpperCase().replace(/^CAP_/, '');
  return n in DANGEROUS_CAPABILITIES ? n : undefined;
}

/** Docker's default capabilities: adding one of these changes nothing under Docker. */
export const DEFAULT_CAPABILITIES = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]);

/** A capability's canonical name (`cap_sys_admin` → `SYS_ADMIN`). */
export const capabilityName = (name: string): string => name.trim().toUpperCase().replace(/^CAP_/, '');

interface At {
  start: number;
  end: number;
}

/**
 * What a container is allowed beyond an ordinary one, as a compose service or a task definition container sets it
 * (each field where the file says it; absent when not set): compared across files for the same image.
 */
export interface Privileges {
  /** Where the image is named (findings about what is missing go there). */
  image: At;
  privileged?: At;
  /** The user as written, when literal. */
  user?: At & { value: string };
  /** Capabilities added beyond Docker's defaults, by canonical name. */
  capAdd: (At & { name: string })[];
  readOnlyRoot?: At;
  hostNetwork?: At;
  hostPid?: At;
  hostIpc?: At;
}

/** Whether a user as written is root (`root`, `0`, `0:0`, `root:staff`). */
export const isRootUser = (user: string): boolean => /^(root|0)(:.*)?$/.test(user.trim());

/** Sockets of container engines: mounting one gives the container full control of the engine, so of the host. */
export function isEngineSocket(hostPath: string): boolean {
  return /(^|\/)(docker|podman|containerd|crio|cri-dockerd)\.sock$/.test(trimEndChar(hostPath, '/'));
}

/** Host folders whose content a container must not see (read-write), or the host root itself. */
const SENSITIVE_HOST_PATHS = [
  '/',
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/var/run',
  '/run',
  '/lib/modules',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
];

/** Whether a host path is (or is inside) a folder that gives a container the host when writable. */
export function sensitiveHostPath(hostPath: string): string | undefined {
  const p = trimEndChar(hostPath, '/') || '/';
  if (!p.startsWith('/')) return undefined;
  if (p === '/') return '/';
  return SENSITIVE_HOST_PATHS.find((s) => s !== '/' && (p === s || p.startsWith(`${s}/`)));
}

/** Images of databases, caches and brokers (by repository name) that must not listen on every interface. */
const DATA_STORE_IMAGES =
  /^(postgres|postgis\/postgis|timescale\/timescaledb.*|mysql|mariadb|percona|mongo|mongodb\/mongodb-.*|redis|redis\/redis-stack.*|valkey\/valkey|bitnami\/(postgresql|mysql|mariadb|mongodb|redis|valkey|memcached|elasticsearch|cassandra|rabbitmq|etcd|kafka)|memcached|elasticsearch|docker\.elastic\.co\/elasticsearch\/elasticsearch|opensearchproject\/opensearch|cassandra|couchdb|couchbase|neo4j|influxdb|clickhouse\/clickhouse-server|mcr\.microsoft\.com\/mssql\/server|gvenzl\/oracle-.*|container-registry\.oracle\.com\/database\/.*|rabbitmq|eqalpha\/keydb|cockroachdb\/cockroach|arangodb|rethinkdb|quay\.io\/coreos\/etcd|bitnami\/etcd|minio\/minio)$/;

/** Well-known ports of databases and caches (the container side). */
export const DATA_STORE_PORTS: Record<number, string> = {
  5432: 'PostgreSQL',
  3306: 'MySQL',
  33060: 'MySQL X',
  27017: 'MongoDB',
  6379: 'Redis',
  11211: 'Memcached',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  5984: 'CouchDB',
  9042: 'Cassandra',
  1433: 'SQL Server',
  1521: 'Oracle',
  7687: 'Neo4j Bolt',
  8086: 'InfluxDB',
  2379: 'etcd',
  26257: 'CockroachDB',
  28015: 'RethinkDB',
  8529: 'ArangoDB',
};

/** Whether an image (registry, tag and digest ignored) is a database, cache or broker. */
export function dataStoreImage(image: string | undefined): boolean {
  if (!image) return false;
  let repo = image.trim().split('@')[0];
  const slash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > slash) repo = repo.slice(0, colon);
  repo = repo.replace(/^(docker\.io\/)?(library\/)?/, '').toLowerCase();
  return DATA_STORE_IMAGES.test(repo);
}

/**
 * What a file holds when its name says it holds a credential (a private key, an `.env`, a registry token file, cloud
 * credentials), or undefined. Certificates and public keys are not credentials; `.env.example` and friends are not.
 */
export function credentialFile(path: string): string | undefined {
  const p = trimEndChar(path.replace(/\\/g, '/'), '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(lower)) return 'an SSH private key';
  if (/(^|\/)\.ssh$/.test(p)) return 'SSH keys';
  if (/\.(key|p12|pfx|jks|keystore|ppk)$/.test(lower) || /^(privkey|private[-_]?key)[^/]*\.pem$/.test(lower))
    return 'a private key';
  if (/[-_.]key\.pem$/.test(lower) || lower === 'key.pem') return 'a private key';
  if (/^\.env(\.(?!example$|sample$|template$|dist$|defaults?$|schema$)[\w.-]+)?$/.test(lower))
    return 'environment secrets';
  if (lower === '.npmrc' || lower === '.yarnrc.yml' || lower === '.pypirc' || lower === '.gem/credentials')
    return 'a package registry token';
  if (lower === '.netrc' || lower === '_netrc' || lower === '.git-credentials') return 'login credentials';
  if (/(^|\/)\.aws\/credentials$/.test(p) || /(^|\/)\.aws$/.test(p)) return 'AWS credentials';
  if (/(^|\/)\.docker\/config\.json$/.test(p) || lower === '.dockercfg') return 'registry credentials';
  if (/(^|\/)\.kube\/config$/.test(p) || lower === 'kubeconfig') return 'Kubernetes credentials';
  if (/^(service[-_]?account|gcp[-_]key|credentials|client[-_]secrets?)[\w.-]*\.json$/.test(lower))
    return 'cloud credentials';
  if (lower === '.htpasswd' || lower === 'htpasswd') return 'password hashes';
  return undefined;
}

/** Keys of a package registry config (`.npmrc`, `.yarnrc.yml`, `.pypirc`) that hold a credential. */
// `[ \t]*`, not `\s*`, after `^`: `\s` crosses lines, and a run of blank lines was rescanned from each of them
const REGISTRY_CONFIG_SECRET =
  /(_auth|_authToken|_password|npmAuthToken|npmAuthIdent)[ \t]*[=:]|^[ \t]*password[ \t]*[=:]/m;

/** Whether the text of a package registry config holds a credential (one without is harmless in an image). */
export function registryConfigHasToken(text: string): boolean {
  return REGISTRY_CONFIG_SECRET.test(text);
}

/**
 * Files that often sit in a project folder and hold credentials: what a `COPY . .` carries into the image unless an
 * ignore file leaves them out (checked for existence, since the workspace cannot be listed).
 */
export const CREDENTIAL_FILES_IN_CONTEXT = [
  '.env',
  '.env.local',
  '.env.production',
  '.env.development',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '.git-credentials',
  '.aws/credentials',
  '.docker/config.json',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  '.ssh/id_rsa',
  '.ssh/id_ed25519',
  'key.pem',
  'privkey.pem',
  'private.key',
  'server.key',
  'credentials.json',
  'service-account.json',
  'kubeconfig',
];
