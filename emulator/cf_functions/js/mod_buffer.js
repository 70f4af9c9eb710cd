// cloudfront-js-2.0: Buffer, TextEncoder, TextDecoder, atob, btoa.
(function (h) {
  "use strict";
  var utf8Encode = h.utf8Encode;
  var utf8Decode = h.utf8Decode;
  var latin1 = h.latin1;
  var latin1Bytes = h.latin1Bytes;
  var b64Encode = h.b64Encode;
  var b64Decode = h.b64Decode;
  var encodeBytes = h.encodeBytes;
  var decodeString = h.decodeString;
  var isBytes = h.isBytes;
  var toByteArray = h.toByteArray;
  // ---- 2.0: Buffer, TextEncoder/TextDecoder, atob/btoa ------------------------------------------
  var Buffer;
  {
    Buffer = class Buffer extends Uint8Array {
      static from(value, encOrOffset, length) {
        if (typeof value === "string") return new Buffer(decodeString(value, encOrOffset));
        if (value instanceof ArrayBuffer) {
          var off = encOrOffset || 0;
          return new Buffer(value, off, length === undefined ? value.byteLength - off : length);
        }
        if (isBytes(value) || Array.isArray(value)) return new Buffer(isBytes(value) ? toByteArray(value) : value);
        if (value && value.type === "Buffer" && Array.isArray(value.data)) return new Buffer(value.data);
        throw new TypeError("The first argument must be a string, Buffer, ArrayBuffer or Array");
      }
      static alloc(size, fill, encoding) {
        var b = new Buffer(size);
        if (fill !== undefined) b.fill(fill, 0, size, encoding);
        return b;
      }
      static allocUnsafe(size) { return new Buffer(size); }
      static byteLength(v, enc) { return typeof v === "string" ? decodeString(v, enc).length : v.byteLength; }
      static isBuffer(v) { return v instanceof Buffer; }
      static isEncoding(e) { return ["utf8", "utf-8", "hex", "base64", "base64url"].indexOf(String(e).toLowerCase()) >= 0; }
      static compare(a, b) { return a.compare(b); }
      static concat(list, total) {
        var len = 0, i;
        for (i = 0; i < list.length; i++) len += list[i].length;
        if (total === undefined) total = len;
        var out = Buffer.alloc(total), pos = 0;
        for (i = 0; i < list.length && pos < total; i++) {
          var part = list[i].subarray(0, Math.min(list[i].length, total - pos));
          out.set(part, pos); pos += part.length;
        }
        return out;
      }
      toString(encoding, start, end) {
        return encodeBytes(toByteArray(this.subarray(start || 0, end === undefined ? this.length : end)), encoding);
      }
      toJSON() { return { type: "Buffer", data: Array.prototype.slice.call(this) }; }
      equals(other) { return this.compare(other) === 0; }
      compare(other) {
        var n = Math.min(this.length, other.length);
        for (var i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
        return this.length === other.length ? 0 : (this.length < other.length ? -1 : 1);
      }
      copy(target, targetStart, sourceStart, sourceEnd) {
        var part = this.subarray(sourceStart || 0, sourceEnd === undefined ? this.length : sourceEnd);
        var n = Math.min(part.length, target.length - (targetStart || 0));
        target.set(part.subarray(0, n), targetStart || 0);
        return n;
      }
      fill(value, start, end, encoding) {
        if (typeof start === "string") { encoding = start; start = 0; end = this.length; }
        start = start || 0; end = end === undefined ? this.length : end;
        var bytes = typeof value === "string" ? decodeString(value, encoding) : [value & 255];
        if (!bytes.length) bytes = [0];
        for (var i = start, j = 0; i < end; i++, j++) this[i] = bytes[j % bytes.length];
        return this;
      }
      indexOf(value, from, encoding) {
        var needle = typeof value === "number" ? [value & 255] : (typeof value === "string" ? decodeString(value, encoding) : toByteArray(value));
        from = from || 0; if (from < 0) from = Math.max(0, this.length + from);
        for (var i = from; i + needle.length <= this.length; i++) {
          var ok = true;
          for (var k = 0; k < needle.length; k++) if (this[i + k] !== needle[k]) { ok = false; break; }
          if (ok) return i;
        }
        return -1;
      }
      lastIndexOf(value, from, encoding) {
        var needle = typeof value === "number" ? [value & 255] : (typeof value === "string" ? decodeString(value, encoding) : toByteArray(value));
        var i = from === undefined ? this.length - needle.length : Math.min(from, this.length - needle.length);
        for (; i >= 0; i--) {
          var ok = true;
          for (var k = 0; k < needle.length; k++) if (this[i + k] !== needle[k]) { ok = false; break; }
          if (ok) return i;
        }
        return -1;
      }
      includes(value, from, encoding) { return this.indexOf(value, from, encoding) !== -1; }
      slice(start, end) { return this.subarray(start, end); }
      write(string, offset, length, encoding) {
        if (typeof offset === "string") { encoding = offset; offset = 0; length = undefined; }
        else if (typeof length === "string") { encoding = length; length = undefined; }
        offset = offset || 0;
        var bytes = decodeString(string, encoding);
        var n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
        for (var i = 0; i < n; i++) this[offset + i] = bytes[i];
        return n;
      }
      _view() { return new DataView(this.buffer, this.byteOffset, this.byteLength); }
      readUIntBE(off, n) { var v = 0; for (var i = 0; i < n; i++) v = v * 256 + this[off + i]; return v; }
      readUIntLE(off, n) { var v = 0; for (var i = n - 1; i >= 0; i--) v = v * 256 + this[off + i]; return v; }
      readIntBE(off, n) { var v = this.readUIntBE(off, n); return v >= Math.pow(2, 8 * n - 1) ? v - Math.pow(2, 8 * n) : v; }
      readIntLE(off, n) { var v = this.readUIntLE(off, n); return v >= Math.pow(2, 8 * n - 1) ? v - Math.pow(2, 8 * n) : v; }
      writeUIntBE(v, off, n) { for (var i = n - 1; i >= 0; i--) { this[off + i] = v & 255; v = Math.floor(v / 256); } return off + n; }
      writeUIntLE(v, off, n) { for (var i = 0; i < n; i++) { this[off + i] = v & 255; v = Math.floor(v / 256); } return off + n; }
      writeIntBE(v, off, n) { return this.writeUIntBE(v < 0 ? v + Math.pow(2, 8 * n) : v, off, n); }
      writeIntLE(v, off, n) { return this.writeUIntLE(v < 0 ? v + Math.pow(2, 8 * n) : v, off, n); }
      swap16() { for (var i = 0; i + 1 < this.length; i += 2) { var t = this[i]; this[i] = this[i + 1]; this[i + 1] = t; } return this; }
      swap32() { for (var i = 0; i + 3 < this.length; i += 4) this.subarray(i, i + 4).reverse(); return this; }
      swap64() { for (var i = 0; i + 7 < this.length; i += 8) this.subarray(i, i + 8).reverse(); return this; }
    };
    var accessors = [["Int8", 1], ["UInt8", 1], ["Int16", 2], ["UInt16", 2], ["Int32", 4], ["UInt32", 4],
                     ["Float", 4], ["Double", 8]];
    accessors.forEach(function (pair) {
      var name = pair[0], dv = name.replace("UInt", "Uint").replace(/^Float$/, "Float32").replace(/^Double$/, "Float64");
      var ends = pair[1] === 1 ? [""] : ["BE", "LE"];
      ends.forEach(function (end) {
        var little = end === "LE";
        Buffer.prototype["read" + name + end] = function (off) { return this._view()["get" + dv](off || 0, little); };
        Buffer.prototype["write" + name + end] = function (v, off) {
          this._view()["set" + dv](off || 0, v, little); return (off || 0) + pair[1];
        };
      });
    });
    Object.defineProperty(Buffer, Symbol.species, { get: function () { return Buffer; } });

    var TextEncoder = class TextEncoder {
      get encoding() { return "utf-8"; }
      encode(s) { return new Uint8Array(utf8Encode(s === undefined ? "" : String(s))); }
      encodeInto(s, dest) {
        var bytes = utf8Encode(String(s)), n = Math.min(bytes.length, dest.length);
        dest.set(bytes.slice(0, n));
        return { read: s.length, written: n };
      }
    };
    var TextDecoder = class TextDecoder {
      constructor(label, options) {
        label = (label || "utf-8").toLowerCase();
        if (label !== "utf-8" && label !== "utf8") throw new RangeError("The encoding '" + label + "' is not supported");
        this._fatal = !!(options && options.fatal); this._ignoreBOM = !!(options && options.ignoreBOM);
      }
      get encoding() { return "utf-8"; }
      get fatal() { return this._fatal; }
      get ignoreBOM() { return this._ignoreBOM; }
      decode(input) {
        var bytes = input === undefined ? [] : toByteArray(input);
        if (!this._ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.slice(3);
        var s = utf8Decode(bytes, this._fatal);
        if (s === null) throw new TypeError("The encoded data was not valid");
        return s;
      }
    };
    var btoa = function btoa(s) {
      s = String(s);
      for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) throw new Error("Invalid character");
      return b64Encode(latin1Bytes(s), false);
    };
    var B64CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    var atob = function atob(s) {
      // No regular expressions at call time: an inline context traps them (core.js __cf_freeze).
      var raw = String(s), kept = "";
      for (var i = 0; i < raw.length; i++) {
        var ch = raw[i];
        if ("\t\n\f\r ".indexOf(ch) >= 0) continue;
        if (B64CHARS.indexOf(ch) < 0) throw new Error("The string to be decoded is not correctly encoded.");
        kept += ch;
      }
      s = kept;
      if (s.length % 4 === 1) throw new Error("The string to be decoded is not correctly encoded.");
      return latin1(b64Decode(s));
    };
  }

  return { Buffer: Buffer, TextEncoder: TextEncoder, TextDecoder: TextDecoder, atob: atob, btoa: btoa };
})
