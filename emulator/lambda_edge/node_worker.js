// frontyard's Lambda@Edge worker for Node.js handlers: one long-lived process per function, like a warm Lambda
// execution environment (module state persists between invocations).
// Protocol: one JSON object per line. stdin: {"id", "event", "context"}; stdout: first {"ready": true} or
// {"ready": false, "error"}, then per invocation {"id", "ok", "result" | "error", "logs"}.
// The handler's own writes to stdout/stderr (console.log & co) are captured into "logs", never the protocol.
'use strict';
const path = require('path');
const readline = require('readline');
const { pathToFileURL } = require('url');

const [codeDir, handlerSpec] = process.argv.slice(2);
const protocolWrite = process.stdout.write.bind(process.stdout);
let logs = [];
function capture(chunk, encoding, cb) {
  logs.push(String(chunk));
  const done = typeof encoding === 'function' ? encoding : cb;
  if (done) done();
  return true;
}
process.stdout.write = capture;
process.stderr.write = capture;
function send(message) { protocolWrite(JSON.stringify(message) + '\n'); }
function describe(err) {
  if (err instanceof Error) return { errorType: err.name, errorMessage: err.message, stack: String(err.stack || '') };
  return { errorType: 'Error', errorMessage: String(err), stack: '' };
}

async function load() {
  const dot = handlerSpec.lastIndexOf('.');
  const moduleName = handlerSpec.slice(0, dot);
  const fnName = handlerSpec.slice(dot + 1);
  const base = path.resolve(codeDir, moduleName);
  const fs = require('fs');
  const file = ['.js', '.mjs', '.cjs'].map((s) => base + s).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`Cannot find module '${moduleName}'`);
  let mod;
  if (file.endsWith('.mjs')) {
    mod = await import(pathToFileURL(file).href);
  } else {
    try {
      mod = require(file);
    } catch (err) {
      if (err && err.code === 'ERR_REQUIRE_ESM') mod = await import(pathToFileURL(file).href);
      else throw err;
    }
  }
  const fn = mod[fnName] || (mod.default && mod.default[fnName]);
  if (typeof fn !== 'function') {
    const e = new Error(`${handlerSpec} is undefined or not exported`);
    e.name = 'Runtime.HandlerNotFound';
    throw e;
  }
  return fn;
}

function invoke(fn, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== null && err !== undefined) reject(err); else resolve(result);
    };
    let returned;
    try {
      returned = fn(event, context, callback);
    } catch (err) {
      callback(err);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then((r) => callback(null, r), (e) => callback(e || new Error('Promise rejected')));
    } else if (fn.length < 3) {
      callback(null, returned); // a synchronous handler that takes no callback: its return value
    }
  });
}

function makeContext(c) {
  const deadline = Date.now() + c.timeoutMs;
  return {
    functionName: c.functionName, functionVersion: c.functionVersion, invokedFunctionArn: c.invokedFunctionArn,
    memoryLimitInMB: String(c.memoryLimitInMB), awsRequestId: c.awsRequestId, logGroupName: c.logGroupName,
    logStreamName: c.logStreamName, callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {}, succeed: () => {}, fail: () => {},
  };
}

load().then((fn) => {
  send({ ready: true });
  const lines = readline.createInterface({ input: process.stdin });
  const queue = [];
  let busy = false;
  async function next() {
    if (busy || queue.length === 0) return;
    busy = true;
    const message = queue.shift();
    logs = [];
    let reply;
    try {
      const result = await invoke(fn, message.event, makeContext(message.context));
      reply = { id: message.id, ok: true, result: result === undefined ? null : result };
    } catch (err) {
      reply = { id: message.id, ok: false, error: describe(err) };
    }
    reply.logs = logs.join('');
    logs = [];
    try {
      send(reply);
    } catch (err) { // a result JSON cannot express (a BigInt, a cycle)
      send({ id: message.id, ok: false, error: describe(err), logs: reply.logs });
    }
    busy = false;
    next();
  }
  lines.on('line', (line) => { queue.push(JSON.parse(line)); next(); });
  lines.on('close', () => process.exit(0));
}, (err) => {
  send({ ready: false, error: describe(err), logs: logs.join('') });
  process.exit(1);
});
