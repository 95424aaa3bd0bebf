import { Console } from 'node:console';
import {
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type Connection,
  type ConnectionOptions,
  type RequestMessage,
} from 'vscode-languageserver/node';

// What vscode-languageserver 11 leaves to the server: it exits on `exit` (0 after `shutdown`, 1 without) and when its
// input closes, but answers requests before `initialize` and after `shutdown` like any other, computes a request
// cancelled while it waits in the queue (with a cancelled token nobody reads), and on a framing error (a bad
// Content-Length, a header it cannot parse) fires an error event no one listens to and loses sync for good.

/** The method a refused request is routed to, so the library answers it with the error it carries. */
const REFUSED = 'shipshape/$refused';

export interface Lifecycle {
  /** For `createConnection`: the lifecycle checks and the answer to a request cancelled before it ran. */
  readonly options: ConnectionOptions;
  /** Registers the handler that answers refused requests. */
  attach(connection: Connection): void;
  /** Whether `shutdown` was received. */
  readonly shutdown: boolean;
}

/**
 * The LSP lifecycle: before `initialize` requests get ServerNotInitialized (-32002) and notifications other than
 * `exit` are dropped; after `shutdown` (and for a second `initialize`) requests get InvalidRequest (-32600); a request
 * cancelled while it still waits in the queue is answered RequestCancelled (-32800) without running it.
 */
export function lifecycle(): Lifecycle {
  let state: 'new' | 'running' | 'shutdown' = 'new';
  const refuse = (m: RequestMessage, code: number, message: string): RequestMessage => ({
    jsonrpc: m.jsonrpc,
    id: m.id,
    method: REFUSED,
    params: { code, message: `${message} (${m.method})` },
  });
  return {
    options: {
      messageStrategy: {
        handleMessage(message, next) {
          if (Message.isRequest(message)) {
            if (state === 'new' && message.method !== 'initialize')
              return next(refuse(message, ErrorCodes.ServerNotInitialized, 'the server is not initialized yet'));
            if (state === 'shutdown')
              return next(refuse(message, ErrorCodes.InvalidRequest, 'the server is shutting down'));
            if (message.method === 'initialize') {
              if (state === 'running')
                return next(refuse(message, ErrorCodes.InvalidRequest, 'the server is already initialized'));
              state = 'running';
            } else if (message.method === 'shutdown') state = 'shutdown';
          } else if (Message.isNotification(message) && state === 'new' && message.method !== 'exit') return;
          return next(message);
        },
      },
      connectionStrategy: {
        cancelUndispatched: (message) =>
          Message.isRequest(message)
            ? { jsonrpc: message.jsonrpc, id: message.id, error: cancelled().toJson() }
            : undefined,
      },
    },
    attach(connection) {
      connection.onRequest(REFUSED, (p: { code: number; message: string }) => new ResponseError(p.code, p.message));
    },
    get shutdown() {
      return state === 'shutdown';
    },
  };
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');

/** Throws RequestCancelled (-32800) when the request of `token` was cancelled: its handler stops, the client is told. */
export function whenCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/**
 * The server's connection (`--stdio`, `--node-ipc`, `--socket`, `--pipe`, as the library reads them). Over stdio it
 * reads with its own reader, so that a framing error ends the process (exit 1, the reason on stderr) instead of
 * leaving it alive and deaf: the client sees the server gone and can start another.
 */
export function connect(life: Lifecycle): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, life.options);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    process.stderr.write(`shipshape: the LSP input cannot be read (${error.message.split('\n')[0]}); exiting\n`);
    process.exit(1);
  });
  // What the library does for its own stdio: stdout carries the protocol, console output goes elsewhere (stderr);
  // and the end of the input ends the server.
  globalThis.console = new Console(process.stderr, process.stderr);
  reader.onClose(() => process.exit(life.shutdown ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, writer, life.options);
}
