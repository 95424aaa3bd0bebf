#!/usr/bin/env node
// Start and stop a moto_server (AWS API emulator) on 127.0.0.1 for the AWS tests.
//
//   node scripts/moto.mjs run -- <command...>   start, run the command with SHIPSHAPE_MOTO_ENDPOINT
//                                                and dummy credentials in its environment, stop
//   node scripts/moto.mjs start [--state FILE]  start in the background, print the endpoint
//   node scripts/moto.mjs stop  [--state FILE]  stop the one `start` began
//
// moto runs with MOTO_ECS_SERVICE_RUNNING=2: services with desiredCount <= 2 report their
// deployment COMPLETED, larger ones stay IN_PROGRESS (what the rollout tests rely on).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultState = resolve(root, '.run/moto.json');

export const DUMMY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_SESSION_TOKEN: 'testing',
  AWS_REGION: 'us-east-1',
};

export function motoOnPath() {
  return spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).status === 0;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitReady(endpoint, ms = 30000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${ms} ms`);
}

export async function startMoto({ port, env = {}, detached = false } = {}) {
  const p = port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${p}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(p)], {
    env: { ...process.env, MOTO_ECS_SERVICE_RUNNING: '2', ...env },
    stdio: 'ignore',
    detached: true, // own process group, so stop() also ends werkzeug's children
  });
  if (detached) child.unref();
  const exited = new Promise((r) => child.once('exit', r));
  await Promise.race([
    waitReady(endpoint),
    exited.then(() => {
      throw new Error('moto_server exited at start');
    }),
  ]);
  return {
    endpoint,
    port: p,
    pid: child.pid,
    reset: () => fetch(`${endpoint}/moto-api/reset`, { method: 'POST' }).then(() => undefined),
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      let timer;
      await Promise.race([
        exited,
        new Promise((r) => {
          timer = setTimeout(r, 3000);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  const stateAt = rest.indexOf('--state');
  const state = stateAt >= 0 ? resolve(rest[stateAt + 1]) : defaultState;
  if (cmd === 'start') {
    if (!motoOnPath()) {
      console.error('moto_server is not on PATH');
      return 2;
    }
    const moto = await startMoto({ detached: true });
    mkdirSync(dirname(state), { recursive: true });
    writeFileSync(state, JSON.stringify({ pid: moto.pid, port: moto.port, endpoint: moto.endpoint }) + '\n');
    console.log(moto.endpoint);
    return 0;
  }
  if (cmd === 'stop') {
    if (!existsSync(state)) return 0;
    const { pid } = JSON.parse(readFileSync(state, 'utf8'));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(state, { force: true });
    return 0;
  }
  if (cmd === 'run') {
    const dd = rest.indexOf('--');
    const command = dd >= 0 ? rest.slice(dd + 1) : rest;
    if (command.length === 0) {
      console.error('usage: moto.mjs run -- <command...>');
      return 2;
    }
    if (!motoOnPath()) {
      console.error('moto_server is not on PATH');
      return 2;
    }
    const moto = await startMoto();
    try {
      const r = spawnSync(command[0], command.slice(1), {
        stdio: 'inherit',
        env: { ...process.env, ...DUMMY_CREDENTIALS, AWS_PROFILE: '', SHIPSHAPE_MOTO_ENDPOINT: moto.endpoint },
      });
      return r.status ?? 1;
    } finally {
      await moto.stop();
    }
  }
  console.error('usage: node scripts/moto.mjs start|stop [--state FILE] | run -- <command...>');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
