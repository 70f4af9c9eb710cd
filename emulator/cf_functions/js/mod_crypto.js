// crypto module: createHash/createHmac with md5, sha1 and sha256, in plain JS. (The quickjs binding
// refuses calls into Python while a time limit is set, and every invocation runs under one.)
(function (h) {
  "use strict";
  function words(bytes, bigEndian) {
    var n = bytes.length, padded = bytes.slice(), bitLen = n * 8;
    padded.push(0x80);
    while (padded.length % 64 !== 56) padded.push(0);
    for (var i = 0; i < 8; i++) {
      var shift = bigEndian ? 56 - 8 * i : 8 * i;
      padded.push(shift >= 32 ? Math.floor(bitLen / Math.pow(2, shift)) & 255 : (bitLen >>> shift) & 255);
    }
    var w = new Array(padded.length / 4);
    for (var j = 0; j < w.length; j++) {
      var a = padded[4 * j], b = padded[4 * j + 1], c = padded[4 * j + 2], d = padded[4 * j + 3];
      w[j] = bigEndian ? ((a << 24) | (b << 16) | (c << 8) | d) : ((d << 24) | (c << 16) | (b << 8) | a);
    }
    return w;
  }
  function out(hs, bigEndian) {
    var bytes = [];
    hs.forEach(function (x) {
      for (var i = 0; i < 4; i++) bytes.push(bigEndian ? (x >>> (24 - 8 * i)) & 255 : (x >>> (8 * i)) & 255);
    });
    return bytes;
  }
  function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }
  var MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  var MD5_K = [];
  for (var k = 0; k < 64; k++) MD5_K.push(Math.floor(Math.abs(Math.sin(k + 1)) * 4294967296) | 0);
  function md5(bytes) {
    var w = words(bytes, false), a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    for (var off = 0; off < w.length; off += 16) {
      var a = a0, b = b0, c = c0, d = d0;
      for (var i = 0; i < 64; i++) {
        var f, g, r = i >> 4;
        if (r === 0) { f = (b & c) | (~b & d); g = i; }
        else if (r === 1) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
        else if (r === 2) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
        else { f = c ^ (b | ~d); g = (7 * i) & 15; }
        var t = d; d = c; c = b;
        b = (b + rotl((a + f + MD5_K[i] + w[off + g]) | 0, MD5_S[(r << 2) | (i & 3)])) | 0;
        a = t;
      }
      a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
    }
    return out([a0, b0, c0, d0], false);
  }
  function sha1(bytes) {
    var w = words(bytes, true), hs = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];
    var x = new Array(80);
    for (var off = 0; off < w.length; off += 16) {
      for (var i = 0; i < 80; i++) x[i] = i < 16 ? w[off + i] : rotl(x[i - 3] ^ x[i - 8] ^ x[i - 14] ^ x[i - 16], 1);
      var a = hs[0], b = hs[1], c = hs[2], d = hs[3], e = hs[4];
      for (var j = 0; j < 80; j++) {
        var f, kk;
        if (j < 20) { f = (b & c) | (~b & d); kk = 0x5a827999; }
        else if (j < 40) { f = b ^ c ^ d; kk = 0x6ed9eba1; }
        else if (j < 60) { f = (b & c) | (b & d) | (c & d); kk = 0x8f1bbcdc | 0; }
        else { f = b ^ c ^ d; kk = 0xca62c1d6 | 0; }
        var t = (rotl(a, 5) + f + e + kk + x[j]) | 0;
        e = d; d = c; c = rotl(b, 30); b = a; a = t;
      }
      hs[0] = (hs[0] + a) | 0; hs[1] = (hs[1] + b) | 0; hs[2] = (hs[2] + c) | 0; hs[3] = (hs[3] + d) | 0; hs[4] = (hs[4] + e) | 0;
    }
    return out(hs, true);
  }
  var K256 = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
  function sha256(bytes) {
    var w = words(bytes, true), x = new Array(64);
    var hs = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    for (var off = 0; off < w.length; off += 16) {
      for (var i = 0; i < 64; i++) {
        if (i < 16) x[i] = w[off + i];
        else {
          var s0 = rotr(x[i - 15], 7) ^ rotr(x[i - 15], 18) ^ (x[i - 15] >>> 3);
          var s1 = rotr(x[i - 2], 17) ^ rotr(x[i - 2], 19) ^ (x[i - 2] >>> 10);
          x[i] = (x[i - 16] + s0 + x[i - 7] + s1) | 0;
        }
      }
      var a = hs[0], b = hs[1], c = hs[2], d = hs[3], e = hs[4], f = hs[5], g = hs[6], hh = hs[7];
      for (var j = 0; j < 64; j++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[j] + x[j]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      hs[0] = (hs[0] + a) | 0; hs[1] = (hs[1] + b) | 0; hs[2] = (hs[2] + c) | 0; hs[3] = (hs[3] + d) | 0;
      hs[4] = (hs[4] + e) | 0; hs[5] = (hs[5] + f) | 0; hs[6] = (hs[6] + g) | 0; hs[7] = (hs[7] + hh) | 0;
    }
    return out(hs, true);
  }
  var ALGS = { md5: md5, sha1: sha1, sha256: sha256 };
  function hmac(alg, key, data) {
    var fn = ALGS[alg];
    if (key.length > 64) key = fn(key);
    var ipad = [], opad = [];
    for (var i = 0; i < 64; i++) { var b = key[i] || 0; ipad.push(b ^ 0x36); opad.push(b ^ 0x5c); }
    return fn(opad.concat(fn(ipad.concat(data))));
  }
  function toBytes(data, inputEncoding) {
    // 1.0 strings are hashed as UTF-8 (the edge's byte strings are not a separate type here).
    if (typeof data === "string") return h.decodeString(data, inputEncoding || "utf8");
    if (h.isBytes(data)) return h.toByteArray(data);
    throw new TypeError("data must be a string or a Buffer");
  }
  function Digest(alg, key) {
    if (!Object.prototype.hasOwnProperty.call(ALGS, alg)) throw new Error("Digest method not supported");
    this._alg = alg; this._key = key; this._data = []; this._done = false;
  }
  Digest.prototype.update = function update(data, inputEncoding) {
    if (this._done) throw new Error("Digest already called");
    var bytes = toBytes(data, inputEncoding);
    for (var i = 0; i < bytes.length; i++) this._data.push(bytes[i]);
    return this;
  };
  Digest.prototype.digest = function digest(encoding) {
    if (this._done) throw new Error("Digest already called");
    this._done = true;
    var bytes = this._key === null ? ALGS[this._alg](this._data) : hmac(this._alg, this._key, this._data);
    if (encoding === undefined) return h.RUNTIME2 ? h.load("buffer").Buffer.from(bytes) : h.latin1(bytes);
    if (encoding !== "hex" && encoding !== "base64" && encoding !== "base64url")
      throw new TypeError("Unknown digest encoding: " + encoding);
    return h.encodeBytes(bytes, encoding);
  };
  return Object.freeze({
    createHash: function createHash(alg) { return new Digest(alg, null); },
    createHmac: function createHmac(alg, key) {
      if (key === undefined || key === null) throw new TypeError("key is required");
      return new Digest(alg, toBytes(key, "utf8"));
    },
  });
})
