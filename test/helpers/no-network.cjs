// Preloaded (node --require) into the language server by the no-network test: every way out of
// the process to the network throws, and is reported on stderr with a marker the test looks for.
const MARK = 'SHIPSHAPE-NETWORK-ATTEMPT';
function deny(what) {
  return function () {
    const err = new Error(`${MARK}: ${what}`);
    process.stderr.write(`${MARK} ${what}\n${err.stack}\n`);
    throw err;
  };
}
const net = require('node:net');
net.connect = net.createConnection = deny('net.connect');
net.Socket.prototype.connect = deny('net.Socket.connect');
const tls = require('node:tls');
tls.connect = deny('tls.connect');
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = deny(`${mod}.request`);
  m.get = deny(`${mod}.get`);
}
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[k] = deny(`dns.${k}`);
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[k] = deny(`dns.promises.${k}`);
globalThis.fetch = deny('fetch');
const dgram = require('node:dgram');
dgram.createSocket = deny('dgram.createSocket');
