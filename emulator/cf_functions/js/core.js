// The core of the CloudFront Functions runtime surface, evaluated in every QuickJS context before the
// user's code. It is our code, not gated: it may use any syntax QuickJS knows.
// QuickJS parses at about 50 ns a byte, so the modules (mod_*.js) are not parsed here: the host hands
// their sources over as strings (__cf_src_<name>) and they are compiled on first use, or up front when
// the function's code mentions them (runtime.py), which keeps building a context cheap.
(function (global) {
  "use strict";
  var RUNTIME2 = global.__cf_runtime === "cloudfront-js-2.0";
  var compile = global.eval; // kept before eval is disabled below, only for our own module sources
  // The host protocol's own JSON, kept before the user's code can replace JSON.stringify / JSON.parse.
  var stringify = JSON.stringify, parse = JSON.parse;
  var sources = {};
  ["crypto", "querystring", "bytes1", "buffer", "cloudfront"].forEach(function (name) {
    sources[name] = global["__cf_src_" + name];
    delete global["__cf_src_" + name];
  });
  var kvsId = global.__cf_kvs_id || null;
  delete global.__cf_runtime;
  delete global.__cf_kvs_id;

  var state = { now: 0, logs: [], logBytes: 0, origin: null, eventType: "", edge: null, kvsId: kvsId,
                settled: false, result: undefined, error: undefined, kvsPending: [] };
  var LOG_LIMIT = 10240; // CloudFront truncates function logs at 10 KB

  function hidden(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: false, enumerable: false, configurable: false });
  }

  // ---- bytes <-> strings ------------------------------------------------------------------------
  function utf8Encode(str) {
    var out = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
        else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
  // WHATWG UTF-8 decoding (as Node and TextDecoder do): each maximal invalid subpart becomes one
  // U+FFFD; with `strict`, any invalid input gives null instead.
  function utf8Decode(bytes, strict) {
    var out = "", i = 0, n = bytes.length;
    while (i < n) {
      var b = bytes[i], need, cp, lo = 0x80, hi = 0xbf;
      if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 31; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 15; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 7; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
      else { if (strict) return null; out += "\ufffd"; i++; continue; }
      var j = i + 1, ok = true;
      for (var k = 0; k < need; k++, j++) {
        var c = bytes[j];
        if (c === undefined || c < lo || c > hi) { ok = false; break; }
        cp = (cp << 6) | (c & 63); lo = 0x80; hi = 0xbf;
      }
      if (!ok) { if (strict) return null; out += "\ufffd"; i = j; continue; }
      out += String.fromCodePoint(cp);
      i = j;
    }
    return out;
  }
  function latin1(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 4096)
      s += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, i + 4096));
    return s;
  }
  function latin1Bytes(str) {
    var out = new Array(str.length);
    for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 255;
    return out;
  }
  var HEX = "0123456789abcdef";
  function hexEncode(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
    return s;
  }
  function hexDecode(str) {
    var out = [];
    for (var i = 0; i + 1 < str.length; i += 2) {
      var v = parseInt(str.substr(i, 2), 16);
      if (isNaN(v)) break;
      out.push(v);
    }
    return out;
  }
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function b64Encode(bytes, url) {
    var s = "", i;
    for (i = 0; i + 2 < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    var rest = bytes.length - i;
    if (rest === 1) { var m = bytes[i] << 16; s += B64[m >> 18] + B64[(m >> 12) & 63] + "=="; }
    else if (rest === 2) {
      var p = (bytes[i] << 16) | (bytes[i + 1] << 8);
      s += B64[p >> 18] + B64[(p >> 12) & 63] + B64[(p >> 6) & 63] + "=";
    }
    if (url) {  // no regular expressions at call time: an inline context traps them (__cf_freeze)
      s = s.split("+").join("-").split("/").join("_");
      var end = s.length;
      while (end > 0 && s[end - 1] === "=") end--;
      s = s.substring(0, end);
    }
    return s;
  }
  // Lenient like Node: accepts both alphabets, ignores padding and whitespace, stops at junk.
  // What /\s/ matches, spelt out (see b64Encode).
  var SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
               "\u2028\u2029\u202f\u205f\u3000\ufeff";
  function b64Decode(str) {
    var out = [], acc = 0, bits = 0;
    for (var i = 0; i < str.length; i++) {
      var ch = str[i], v;
      if (ch === "-") v = 62; else if (ch === "_") v = 63; else v = B64.indexOf(ch);
      if (ch === "=") break;
      if (v < 0) { if (SPACES.indexOf(ch) >= 0) continue; break; }
      acc = (acc << 6) | v; bits += 6;
      if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
    }
    return out;
  }
  function encodeBytes(bytes, enc) {
    switch (enc) {
      case "hex": return hexEncode(bytes);
      case "base64": return b64Encode(bytes, false);
      case "base64url": return b64Encode(bytes, true);
      case "latin1": case "binary": return latin1(bytes);
      case "utf8": case "utf-8": case undefined: return utf8Decode(bytes, false);
      default: throw new TypeError("Unknown encoding: " + enc);
    }
  }
  function decodeString(str, enc) {
    switch (enc) {
      case "hex": return hexDecode(str);
      case "base64": case "base64url": return b64Decode(str);
      case "latin1": case "binary": return latin1Bytes(str);
      case "utf8": case "utf-8": case undefined: return utf8Encode(str);
      default: throw new TypeError("Unknown encoding: " + enc);
    }
  }
  function isBytes(v) { return ArrayBuffer.isView(v) || v instanceof ArrayBuffer; }
  function toByteArray(v) {
    if (v instanceof ArrayBuffer) return Array.prototype.slice.call(new Uint8Array(v));
    return Array.prototype.slice.call(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }

  // ---- console ----------------------------------------------------------------------------------
  function logLine(value) {
    // CloudFront's console.log takes one argument (the comma form is not supported): the rest is ignored.
    var line;
    if (typeof value === "string") line = value;
    else if (value === undefined) line = "undefined";
    else if (typeof value === "object" && value !== null && !(value instanceof Error)) {
      try { line = JSON.stringify(value); } catch (e) { line = String(value); }
    } else line = String(value);
    if (state.logBytes >= LOG_LIMIT) return;
    state.logBytes += line.length;
    state.logs.push(line);
  }
  hidden(global, "console", Object.freeze({ log: function log(value) { logLine(value); } }));

  // ---- Date: every "now" is the invocation start ----------------------------------------------
  var OrigDate = Date;
  function CfDate() {
    var args = arguments.length ? Array.prototype.slice.call(arguments) : [state.now];
    if (!new.target) return new OrigDate(state.now).toString();
    return Reflect.construct(OrigDate, args, new.target);
  }
  CfDate.prototype = OrigDate.prototype;
  Object.defineProperty(OrigDate.prototype, "constructor", { value: CfDate, writable: true, configurable: true });
  CfDate.now = function now() { return state.now; };
  CfDate.parse = OrigDate.parse;
  CfDate.UTC = OrigDate.UTC;
  global.Date = CfDate;

  // ---- eval and the Function constructor throw ----------------------------------------------------
  function refuse(what) {
    return function () { throw new EvalError(what + " is not supported in CloudFront Functions"); };
  }
  global.eval = refuse("eval");
  var FunctionCtor = refuse("the Function constructor");
  FunctionCtor.prototype = Function.prototype;
  Object.defineProperty(Function.prototype, "constructor", { value: FunctionCtor, configurable: true, writable: true });
  [async function () {}, function* () {}, async function* () {}].forEach(function (f) {
    Object.defineProperty(Object.getPrototypeOf(f), "constructor",
      { value: refuse("the Function constructor"), configurable: true, writable: true });
  });
  global.Function = FunctionCtor;
  // QuickJS extras CloudFront does not have.
  ["__loadScript", "scriptArgs", "print", "std", "os", "WeakRef", "FinalizationRegistry"].forEach(function (n) {
    delete global[n];
  });
  if (!RUNTIME2) {
    delete String.prototype.replaceAll;
    delete Promise.all; delete Promise.allSettled; delete Promise.any; delete Promise.race;
  }

  // ---- lazily compiled modules ---------------------------------------------------------------------
  var helpers = { utf8Encode: utf8Encode, utf8Decode: utf8Decode, latin1: latin1, latin1Bytes: latin1Bytes,
                  hexEncode: hexEncode, hexDecode: hexDecode, b64Encode: b64Encode, b64Decode: b64Decode,
                  encodeBytes: encodeBytes, decodeString: decodeString, isBytes: isBytes,
                  toByteArray: toByteArray, hidden: hidden, state: state, RUNTIME2: RUNTIME2, load: load };
  var loaded = {};
  function load(name) {
    if (!Object.prototype.hasOwnProperty.call(loaded, name)) loaded[name] = compile(sources[name])(helpers);
    return loaded[name];
  }
  // A global (or String member) that compiles its module on first touch, then becomes a plain property.
  function lazy(obj, name, module, pick) {
    function settle(value) {
      Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: false });
      return value;
    }
    Object.defineProperty(obj, name, {
      configurable: true, enumerable: false,
      get: function () { settle(undefined); return settle(pick(load(module))); },
      set: settle,
    });
  }
  if (RUNTIME2) {
    ["Buffer", "TextEncoder", "TextDecoder", "atob", "btoa"].forEach(function (name) {
      lazy(global, name, "buffer", function (m) { return m[name]; });
    });
  } else {
    lazy(String, "bytesFrom", "bytes1", function (m) { return m.bytesFrom; });
    ["fromBytes", "fromUTF8", "toBytes", "toUTF8"].forEach(function (name) {
      lazy(String.prototype, name, "bytes1", function (m) { return m[name]; });
    });
  }
  var modules = RUNTIME2 ? ["crypto", "querystring", "buffer", "cloudfront"] : ["crypto", "querystring"];
  hidden(global, "require", function require(name) {
    if (modules.indexOf(name) < 0) throw new Error("Cannot find module '" + name + "'");
    return name === "buffer" ? { Buffer: load("buffer").Buffer } : load(name);
  });
  hidden(global, "__cf_preload", function (names) { names.forEach(load); });
  // The host answers KeyValueStore reads between job-queue drains (reads are async at the edge too).
  hidden(global, "__cf_kvs_resolve", function (answersJson) {
    var answers = JSON.parse(answersJson), pending = state.kvsPending;
    state.kvsPending = [];
    pending.forEach(function (request, i) { request.settle(answers[i]); });
  });

  // ---- invocation protocol (called by the host) ---------------------------------------------------
  var INLINE_REGEX = "frontyard: regular expressions run in a worker process";  // see trapRegex
  // What /at handler \(([^)]*)\)/ captures in a stack, else /at [^(]*\(([^)]*)\)/ (the first "at ", the first
  // "(" after it, up to the next ")"), found without the regex engine (an inline context traps it).
  function frameOf(stack) {
    var at = stack.indexOf("at handler ("), close;
    if (at >= 0 && (close = stack.indexOf(")", at + 12)) >= 0) return stack.substring(at + 12, close);
    at = stack.indexOf("at ");
    var open = at < 0 ? -1 : stack.indexOf("(", at + 3);
    close = open < 0 ? -1 : stack.indexOf(")", open + 1);
    return close < 0 ? null : stack.substring(open + 1, close);
  }
  function describe(e) {
    if (e instanceof Error) {
      var where = frameOf(String(e.stack || ""));
      return e.name + ": " + e.message + (where !== null ? " (" + where + ")" : "");
    }
    try { return "Uncaught " + stringify(e); } catch (x) { return "Uncaught " + String(e); }
  }
  // left/same: __cf_invoke_request's shortened value (only what the handler changed) and the sections left out.
  function report(left, same) {
    var out = { logs: state.logs, origin: state.origin,
                kvs: state.kvsPending.map(function (r) { return [r.op, r.key]; }) };
    if (state.regex) state.error = INLINE_REGEX;  // even where a caught trap let the handler go on
    if (state.error !== undefined) { out.status = "error"; out.error = state.error; return stringify(out); }
    if (!state.settled) { out.status = "pending"; return stringify(out); }
    out.status = "done";
    out.type = state.result === null ? "null" : (Array.isArray(state.result) ? "array" : typeof state.result);
    if (same) out.same = same;
    try { out.value = stringify(same ? left : state.result); } catch (e) { out.status = "invalid"; out.error = describe(e); }
    return stringify(out);
  }
  function run(now, event, rawQuery, edge) {
    // A frozen context (reuse.py) runs many invocations: each starts from an empty record.
    state.logs = []; state.logBytes = 0; state.origin = null; state.settled = false;
    state.result = undefined; state.error = undefined; state.kvsPending = []; state.regex = false;
    state.now = now; state.eventType = event.context.eventType; state.edge = edge;
    if (RUNTIME2 && event.request) {
      var raw = rawQuery === null ? undefined : rawQuery;
      Object.defineProperty(event.request, "rawQueryString", { value: function rawQueryString() { return raw; } });
    }
    if (typeof handler !== "function") { state.error = "ReferenceError: handler is not defined"; return; }
    try {
      var result = handler(event);
      if (RUNTIME2 && result && typeof result.then === "function") {
        result.then(function (v) { state.settled = true; state.result = v; },
                    function (e) { state.error = describe(e); });
      } else { state.settled = true; state.result = result; }
    } catch (e) { state.error = describe(e); }
  }
  hidden(global, "__cf_invoke", function (payload) {
    var p = parse(payload);
    run(p.now, p.event, p.rawQuery, p.edge);
    return report();
  });
  hidden(global, "__cf_report", report);

  // ---- viewer-request without JSON (inline.py) ------------------------------------------------------
  // QuickJS's JSON.parse and JSON.stringify cost about as much as the handler call itself, so the edge hands a
  // viewer-request over as plain arguments (headers, query and cookies already parsed by event.py, in order) and
  // takes back only what the handler changed: a section (headers, cookies, querystring) returned exactly as it
  // came in is left out of the reported value and named in `same` instead; the host validates the rest. When
  // that leaves only the uri (and the method unchanged) and nothing was logged, the answer is "=" and the uri.
  var keysOf = Object.keys, defineProp = Object.defineProperty, ObjProto = Object.prototype;
  // As JSON.parse does: an own data property, even where the (frozen) prototype has one by that name
  // ("__proto__", "toString", ...), which plain assignment would reach or be refused by.
  function put(obj, name, value) {
    if (name in ObjProto) defineProp(obj, name, { value: value, writable: true, enumerable: true, configurable: true });
    else obj[name] = value;
  }
  // Name/value pairs args[start..end) -> the event's {name: {value, multiValue?}} (event.py's _group), and in
  // `seen` the names in order and each one's values, to recognise the section if it comes back unchanged.
  function group(args, start, end, seen) {
    var out = {}, names = seen.names, values = seen.values;
    for (var i = start; i < end; i += 2) {
      var name = args[i], value = args[i + 1], list = values[name];
      if (list === undefined) { values[name] = [value]; names.push(name); put(out, name, { value: value }); }
      else list.push(value);
    }
    for (var j = 0; j < names.length; j++) {
      var all = values[names[j]];
      if (all.length < 2) continue;
      var multi = [];
      for (var m = 0; m < all.length; m++) multi.push({ value: all[m] });
      out[names[j]].multiValue = multi;
    }
    return out;
  }
  function record() { return { names: [], values: Object.create(null) }; }
  // Whether `section` is what `seen` describes, as JSON would write it: the same names in the same order, each
  // an ordinary object holding just {value} with the same string. Anything else (a repeated name, a getter's
  // prototype, an extra key) counts as changed and is validated in full.
  function unchanged(section, seen) {
    if (section === null || typeof section !== "object" || protoOf(section) !== ObjProto) return false;
    var names = keysOf(section);
    if (names.length !== seen.names.length) return false;
    for (var i = 0; i < names.length; i++) {
      if (names[i] !== seen.names[i]) return false;
      var field = section[names[i]], values = seen.values[names[i]];
      if (values.length !== 1 || field === null || typeof field !== "object" || protoOf(field) !== ObjProto) return false;
      var keys = keysOf(field);
      if (keys.length !== 1 || keys[0] !== "value" || field.value !== values[0]) return false;
    }
    return true;
  }
  var SECTIONS = ["headers", "cookies", "querystring"];
  hidden(global, "__cf_invoke_request", function (now, rawQuery, edgeName, edgeIp, edgeRegion, method, uri, ip,
                                                  domain, distributionId, requestId, headerEnd, queryEnd) {
    var seen = { headers: record(), querystring: record(), cookies: record() };
    var request = { method: method, uri: uri, querystring: group(arguments, 13 + headerEnd, 13 + queryEnd, seen.querystring),
                    headers: group(arguments, 13, 13 + headerEnd, seen.headers),
                    cookies: group(arguments, 13 + queryEnd, arguments.length, seen.cookies) };
    var event = { version: "1.0", context: { distributionDomainName: domain, distributionId: distributionId,
                                             eventType: "viewer-request", requestId: requestId },
                  viewer: { ip: ip }, request: request };
    run(now, event, rawQuery, { name: edgeName, serverIp: edgeIp, region: edgeRegion });
    var result = state.result;
    if (state.error !== undefined || !state.settled || state.regex || result === null || typeof result !== "object" ||
        protoOf(result) !== ObjProto || "statusCode" in result || ObjProto.toJSON !== undefined) return report();
    var same = [], left = {}, names = keysOf(result);
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (SECTIONS.indexOf(name) >= 0 && unchanged(result[name], seen[name])) same.push(name);
      else put(left, name, result[name]);
    }
    if (same.length === 3 && !state.logs.length && state.origin === null && !state.kvsPending.length) {
      // The common answer (a uri rewrite, or nothing changed) in short: "=" and the uri, no JSON either way.
      var rest = keysOf(left), short = typeof left.uri === "string";
      for (var r = 0; r < rest.length && short; r++) {
        short = rest[r] === "uri" || (rest[r] === "method" && left.method === method);
      }
      if (short) return "=" + left.uri;
    }
    return same.length ? report(left, same) : report();
  });

  // ---- freezing a context for reuse (reuse.py explains why this isolates invocations) ---------------
  // Captured now, before the user's code runs: it cannot have replaced them.
  var freeze = Object.freeze, ownKeys = Reflect.ownKeys, describeProp = Object.getOwnPropertyDescriptor;
  var protoOf = Object.getPrototypeOf, isView = ArrayBuffer.isView;
  var brands = [Map.prototype.has, Set.prototype.has, WeakMap.prototype.has, WeakSet.prototype.has,
                Date.prototype.getTime, describeProp(ArrayBuffer.prototype, "byteLength").get];
  var call = Function.prototype.call;
  function hasSlots(o) {  // state in internal slots, which freezing does not stop a method from changing
    if (isView(o)) return true;
    for (var i = 0; i < brands.length; i++) {
      try { call.call(brands[i], o, undefined); return true; } catch (e) { /* not of that kind */ }
    }
    return false;
  }
  // An inline context runs on the edge's own thread (cf_functions/inline.py), where a regular expression
  // that never ends could not be stopped: QuickJS's regexp engine never checks the time limit. Every way
  // into that engine from user code goes through these seven methods (String.prototype.match/replace/...
  // dispatch to the Symbol ones, test to exec), so there they throw this, and the call goes to a worker.
  function trapRegex() {
    var proto = RegExp.prototype;
    var handler = { apply: function () { state.regex = true; throw new Error(INLINE_REGEX); } };
    // A Proxy per method: its name, length and [native code] text stay the original's, so code that looks
    // at them sees what a worker's context shows.
    ["exec", "test", Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.search, Symbol.split].forEach(
      function (key) {
        Object.defineProperty(proto, key, { value: new Proxy(proto[key], handler), writable: true, configurable: true });
      });
  }
  hidden(global, "__cf_freeze", function (roots, inline) {
    modules.forEach(load);
    // Settle the lazily compiled globals first: their getters redefine themselves on first touch.
    var touch = function (obj) { return function (name) { return obj[name]; }; };
    if (RUNTIME2) {
      ["Buffer", "TextEncoder", "TextDecoder", "atob", "btoa"].forEach(touch(global));
    } else {
      touch(String)("bytesFrom");
      ["fromBytes", "fromUTF8", "toBytes", "toUTF8"].forEach(touch(String.prototype));
    }
    delete RegExp.prototype.compile;  // the one method that rewrites a RegExp in place (Annex B)
    var intrinsics = [function* () {}, async function () {}, async function* () {}].map(protoOf);
    intrinsics.push(protoOf([][Symbol.iterator]()), protoOf(new Map().entries()), protoOf(new Set().values()),
                    protoOf(""[Symbol.iterator]()), protoOf(/a/[Symbol.matchAll]("")), protoOf(Uint8Array));
    if (inline) trapRegex();  // after the line above, which needs a real matchAll
    var stack = [global].concat(intrinsics, roots), seen = new Set();
    while (stack.length) {
      var o = stack.pop();
      if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
      seen.add(o);
      if (hasSlots(o)) return false;
      freeze(o);
      stack.push(protoOf(o));
      var keys = ownKeys(o);
      for (var i = 0; i < keys.length; i++) {
        var d = describeProp(o, keys[i]);
        if ("value" in d) stack.push(d.value); else stack.push(d.get, d.set);
      }
    }
    return true;
  });
})(globalThis);
