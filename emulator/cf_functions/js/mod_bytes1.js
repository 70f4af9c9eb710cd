// cloudfront-js-1.0 only: String.bytesFrom and the byte-string methods of String.prototype.
(function (h) {
  "use strict";
  var utf8Encode = h.utf8Encode;
  var utf8Decode = h.utf8Decode;
  var latin1 = h.latin1;
  var latin1Bytes = h.latin1Bytes;
  var decodeString = h.decodeString;
  var isBytes = h.isBytes;
  var toByteArray = h.toByteArray;
  // ---- 1.0-only String byte helpers ---------------------------------------------------------------
  var m = {};
  {
    var bytesArg = function (s, start, end) { return s.slice(start === undefined ? 0 : start, end); };
    m.bytesFrom = (function bytesFrom(data, encoding) {
      if (Array.isArray(data) || isBytes(data)) {
        var arr = isBytes(data) ? toByteArray(data) : data;
        return latin1(arr.map(function (b) { return b & 255; }));
      }
      if (typeof data === "string") return latin1(decodeString(data, encoding || "utf8"));
      throw new TypeError("bytesFrom: array or string expected");
    });
    m.fromBytes = (function fromBytes(start, end) {
      return bytesArg(String(this), start, end);
    });
    m.fromUTF8 = (function fromUTF8(start, end) {
      var s = bytesArg(String(this), start, end);
      for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return null;
      return utf8Decode(latin1Bytes(s), true);
    });
    m.toBytes = (function toBytes(start, end) {
      var s = bytesArg(String(this), start, end);
      for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return null;
      return s;
    });
    m.toUTF8 = (function toUTF8(start, end) {
      return latin1(utf8Encode(bytesArg(String(this), start, end)));
    });
  }

  return m;
})
