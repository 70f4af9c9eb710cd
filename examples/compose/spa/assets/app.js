fetch("/api/hello?from=spa")
  .then(function (r) { return r.text(); })
  .then(function (t) { document.getElementById("api").textContent = t; });
