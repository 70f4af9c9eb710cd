// querystring module with Node.js semantics.
(function (h) {
  "use strict";
  var utf8Encode = h.utf8Encode;
  var utf8Decode = h.utf8Decode;
  // ---- querystring (Node.js semantics) ------------------------------------------------------------
  function qsEscape(str) {
    if (typeof str !== "string") str = typeof str === "object" ? String(str) : str + "";
    return encodeURIComponent(str);
  }
  var HEX = "0123456789abcdefABCDEF";  // no regular expressions at call time (core.js __cf_freeze)
  function qsUnescape(str, decodeSpaces) {
    try { return decodeURIComponent(str); } catch (e) {
      // Node falls back to a byte-wise decoder: invalid escapes stay, invalid UTF-8 becomes U+FFFD.
      var bytes = [];
      for (var i = 0; i < str.length; i++) {
        var ch = str[i];
        if (ch === "%" && i + 2 < str.length + 0 && HEX.indexOf(str[i + 1]) >= 0 && HEX.indexOf(str[i + 2]) >= 0) {
          bytes.push(parseInt(str.substr(i + 1, 2), 16)); i += 2;
        } else bytes.push.apply(bytes, utf8Encode(ch));
      }
      return utf8Decode(bytes, false);
    }
  }
  function qsStringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && isFinite(v)) return "" + v;
    if (typeof v === "bigint") return "" + v;
    if (typeof v === "boolean") return v ? "true" : "false";
    return "";
  }
  function qsStringify(obj, sep, eq, options) {
    sep = sep || "&"; eq = eq || "=";
    var encode = (options && typeof options.encodeURIComponent === "function") ? options.encodeURIComponent : qsEscape;
    if (obj === null || typeof obj !== "object") return "";
    var keys = Object.keys(obj), fields = [];
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], v = obj[k], ks = encode(qsStringifyPrimitive(k)) + eq;
      if (Array.isArray(v)) {
        for (var j = 0; j < v.length; j++) fields.push(ks + encode(qsStringifyPrimitive(v[j])));
      } else fields.push(ks + encode(qsStringifyPrimitive(v)));
    }
    return fields.join(sep);
  }
  function qsParse(qs, sep, eq, options) {
    var obj = {};
    if (typeof qs !== "string" || qs.length === 0) return obj;
    sep = sep || "&"; eq = eq || "=";
    var maxKeys = 1000;
    if (options && typeof options.maxKeys === "number") maxKeys = options.maxKeys;
    var decode = (options && typeof options.decodeURIComponent === "function") ? options.decodeURIComponent : qsUnescape;
    var parts = qs.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
    for (var i = 0; i < parts.length; i++) {
      var x = parts[i];
      if (x.length === 0 && parts.length > 1) continue;
      var idx = x.indexOf(eq), k, v;
      if (idx >= 0) { k = x.substr(0, idx); v = x.substr(idx + eq.length); } else { k = x; v = ""; }
      k = decodeComponent(k.split("+").join(" "), decode);
      v = decodeComponent(v.split("+").join(" "), decode);
      if (!Object.prototype.hasOwnProperty.call(obj, k)) obj[k] = v;
      else if (Array.isArray(obj[k])) obj[k].push(v);
      else obj[k] = [obj[k], v];
    }
    return obj;
  }
  function decodeComponent(s, decode) {
    try { return decode(s); } catch (e) { return qsUnescape(s); }
  }
  var querystringModule = Object.freeze({
    escape: qsEscape, unescape: function unescape(s) { return qsUnescape(String(s)); },
    parse: qsParse, decode: qsParse, stringify: qsStringify, encode: qsStringify,
  });

  return querystringModule;
})
