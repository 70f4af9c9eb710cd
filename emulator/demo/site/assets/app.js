// The demo: send a request through the edge, show what was sent beside what the origin received.
"use strict";

function row(table, name, value, cls) {
  var tr = document.createElement("tr");
  if (cls) tr.className = cls;
  [name, value].forEach(function (text) {
    var td = document.createElement("td");
    td.textContent = text;
    tr.appendChild(td);
  });
  table.appendChild(tr);
}

function show(path, method, auth) {
  var sent = { "X-Demo": "sent by the page", "Accept": "application/json" };
  if (auth) sent["Authorization"] = "Bearer demo-token";
  document.cookie = "session=demo-cookie; path=/";
  document.getElementById("title").textContent = method + " " + path;
  var init = { method: method, headers: sent };
  if (method === "POST") init.body = "{\"hello\": \"edge\"}";
  fetch(path, init).then(function (r) {
    return r.text().then(function (body) { return { r: r, body: body }; });
  }).then(function (x) {
    var received = {};
    var echo = null;
    try { echo = JSON.parse(x.body); } catch (e) { /* not the echo origin: the bucket's 404, say */ }
    (echo ? echo.headers : []).forEach(function (h) { received[h[0].toLowerCase()] = h[1]; });
    var s = document.getElementById("sent"), o = document.getElementById("received");
    s.replaceChildren(); o.replaceChildren();
    row(s, "request", method + " " + path);
    Object.keys(sent).concat(["Cookie"]).forEach(function (name) {
      var value = name === "Cookie" ? "session=demo-cookie" : sent[name];
      var dropped = echo && !(name.toLowerCase() in received);
      row(s, name, value + (dropped ? "  (dropped)" : ""), dropped ? "dropped" : "");
    });
    if (echo) {
      row(o, "request", echo.method + " " + echo.path + (echo.query ? "?" + echo.query : ""));
      echo.headers.forEach(function (h) { row(o, h[0], h[1]); });
    } else {
      row(o, "(no echo)", x.r.status + " from another origin: " + x.body.slice(0, 120));
    }
    var t = document.getElementById("response");
    t.replaceChildren();
    row(t, "status", String(x.r.status));
    ["X-Cache", "Via", "X-Amz-Cf-Pop", "X-Amz-Cf-Id", "Server"].forEach(function (name) {
      var v = x.r.headers.get(name);
      if (v) row(t, name, v);
    });
    var trace = x.r.headers.get("X-Frontyard-Trace") || "(turn on emulator.debug.trace_header)";
    document.getElementById("trace").textContent = trace.split("; ").join("\n");
    var id = x.r.headers.get("X-Amz-Cf-Id");
    document.getElementById("inspect").href = location.protocol + "//" + location.hostname + ":9901/#request/" + id;
  });
}

document.querySelectorAll("#traps button").forEach(function (b) {
  b.addEventListener("click", function () {
    show(b.dataset.path, b.dataset.method || "GET", b.dataset.auth === "1");
  });
});
show("/api/hello?from=spa", "GET", false);
