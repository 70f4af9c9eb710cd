// cloudfront-js-2.0: the cloudfront module (KeyValueStore, origin helpers, edgeLocation).
(function (h) {
  "use strict";
  var state = h.state;

  // Reads are queued; the host answers them between job-queue drains, so they settle asynchronously
  // as at the edge, and a handler that forgets `await` sees a pending promise.
  function ask(op, key) {
    return new Promise(function (resolve) { state.kvsPending.push({ op: op, key: key, settle: resolve }); });
  }
  function kvsHandle(id) {
    if (state.kvsId === null) throw new Error("No KeyValueStore is associated with this function");
    if (id !== undefined && id !== state.kvsId) throw new Error("KeyValueStore '" + id + "' is not associated with this function");
    return Object.freeze({
      get: function get(key, options) {
        var format = (options && options.format) || "string";
        if (["string", "json", "bytes"].indexOf(format) < 0) return Promise.reject(new Error("Unknown format '" + format + "'"));
        return ask("get", String(key)).then(function (value) {
          if (value === null) throw new Error("Key not found: " + key);
          if (format === "json") return JSON.parse(value);
          if (format === "bytes") return h.load("buffer").Buffer.from(value, "utf8");
          return value;
        });
      },
      exists: function exists(key) { return ask("exists", String(key)); },
      meta: function meta() { return ask("meta", ""); },
    });
  }
  function originHelper(name) {
    return function () {
      if (state.eventType !== "viewer-request") throw new Error("cf." + name + "() can only be used in viewer-request functions");
      state.origin = { helper: name, args: JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments))) };
    };
  }
  return Object.freeze({
    kvs: kvsHandle,
    get edgeLocation() { return state.edge; },
    updateRequestOrigin: originHelper("updateRequestOrigin"),
    selectRequestOriginById: originHelper("selectRequestOriginById"),
    createRequestOriginGroup: originHelper("createRequestOriginGroup"),
  });
})
