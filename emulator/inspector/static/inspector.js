// frontyard inspector: a list of served requests (pushed over Server-Sent Events), filters, a detail view.
// Plain DOM, no build step, no external assets. Every value from a request is set with textContent.
"use strict";

const API = "/_frontyard";
const MAX_ROWS = 2000;
const state = { rows: new Map(), lastSeq: 0, instance: null, selected: null, behaviors: new Set(), origins: new Set() };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

async function getJSON(url) {
  const r = await fetch(url, { cache: "no-store" });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// -- the list ---------------------------------------------------------------------------------------
function statusClass(status) { return "status s" + String(status)[0]; }

function addOption(select, set, value) {
  if (value == null || set.has(value)) return;
  set.add(value);
  select.append(el("option", { value, text: value }));
}

function addRequest(r) {
  if (state.rows.has(r.id)) return;
  state.lastSeq = Math.max(state.lastSeq, r.seq);
  addOption($("filter-behavior"), state.behaviors, r.behavior);
  addOption($("filter-origin"), state.origins, r.origin);
  const time = new Date(r.time * 1000).toLocaleTimeString();
  const tr = el("tr", { class: "request-row", "data-id": r.id, "data-status": r.status, onclick: () => select(r.id) },
    el("td", { text: time }), el("td", { text: r.method }), el("td", { text: r.host }),
    el("td", { class: "path", text: r.target, title: r.target }),
    el("td", { class: statusClass(r.status), text: r.status }), el("td", { text: r.behavior || "-" }),
    el("td", { text: r.origin || "-" }), el("td", { text: (r.x_cache || "").replace(" from cloudfront", "") }),
    el("td", { class: "num", text: r.duration_ms.toFixed(1) }));
  tr.summary = r;
  state.rows.set(r.id, tr);
  $("requests").tBodies[0].prepend(tr);  // newest first
  if (state.rows.size > MAX_ROWS) {
    const oldest = $("requests").tBodies[0].lastElementChild;
    state.rows.delete(oldest.dataset.id);
    oldest.remove();
  }
  applyFilter(tr);
  $("count").textContent = state.rows.size;
  $("empty").hidden = true;
}

function matches(r) {
  const status = $("filter-status").value, behavior = $("filter-behavior").value;
  const origin = $("filter-origin").value, text = $("filter-text").value.trim().toLowerCase();
  if (status === "err" && r.status < 400) return false;
  if (status && status !== "err" && String(r.status)[0] !== status) return false;
  if (behavior && r.behavior !== behavior) return false;
  if (origin && r.origin !== origin) return false;
  if (text) {
    const hay = [r.method, r.host, r.target, r.id, r.why, r.behavior, r.origin, r.status].join(" ").toLowerCase();
    if (!hay.includes(text)) return false;
  }
  return true;
}

function applyFilter(tr) { tr.hidden = !matches(tr.summary); }
function applyFilters() { for (const tr of state.rows.values()) applyFilter(tr); }

async function catchUp() {
  let body = await getJSON(`${API}/requests?after=${state.lastSeq}`);
  if (state.instance && body.instance !== state.instance) {  // the edge restarted: its sequence did too
    state.lastSeq = 0;
    body = await getJSON(`${API}/requests?after=0`);
  }
  state.instance = body.instance;
  body.requests.forEach(addRequest);
}

function connect() {
  const live = $("live");
  const source = new EventSource(`${API}/requests/stream`);
  source.addEventListener("open", () => {
    live.textContent = "live"; live.className = "live on";
    catchUp().catch(() => {});  // whatever was served while we were not connected
  });
  source.addEventListener("request", (e) => addRequest(JSON.parse(e.data)));
  source.addEventListener("error", () => { live.textContent = "reconnecting…"; live.className = "live"; });
}

// -- the detail view ----------------------------------------------------------------------------------
function kv(pairs, droppedNames) {
  const t = el("table", { class: "kv" });
  for (const [k, v] of pairs) {
    const dropped = droppedNames && droppedNames.has(k.toLowerCase());
    t.append(el("tr", dropped ? { class: "dropped", title: "not sent to the origin" } : {},
      el("td", { text: k }), el("td", { text: v })));
  }
  if (!pairs.length) t.append(el("tr", {}, el("td", { text: "(none)" })));
  return t;
}

function section(title, cls, ...content) {
  return el("div", { class: cls }, el("h3", { text: title }), ...content);
}

function decisionsTable(decisions) {
  const t = el("table", { class: "decisions" },
    el("thead", {}, el("tr", {}, el("th", { text: "ms" }), el("th", { text: "stage" }), el("th", { text: "outcome" }),
      el("th", { text: "why" }), el("th", { text: "config" }))));
  const body = el("tbody");
  for (const d of decisions) {
    const failed = /^(forbidden|error|unknown-host|[45]\d\d)$/.test(d.outcome) && d.stage !== "response";
    body.append(el("tr", failed ? { class: "failed" } : {}, el("td", { class: "num", text: d.at_ms.toFixed(2) }),
      el("td", { text: d.stage }), el("td", { text: d.outcome }), el("td", { text: d.detail }),
      el("td", { class: "loc", text: d.location ? d.location.split("/").pop() : "", title: d.location || "" })));
  }
  t.append(body);
  return t;
}

function timings(rows) {
  const max = Math.max(0.001, ...rows.map((r) => r.ms));
  return el("table", { class: "kv" }, ...rows.map((r) => el("tr", {}, el("td", { text: r.stage }),
    el("td", {}, `${r.ms.toFixed(3)} ms`, el("span", { class: "bar", style: `width:${Math.round(120 * r.ms / max)}px` })))));
}

function functionRun(f) {
  return el("div", { class: "function" },
    el("p", { text: `${f.name} (${f.event_type}): ${f.outcome} in ${f.duration_us} µs, ComputeUtilization ${f.compute_utilization}` }),
    el("h3", { text: "console.log" }),
    el("pre", { class: "function-log", text: f.logs.length ? f.logs.join("\n") : "(nothing logged)" }),
    el("details", {}, el("summary", { text: "event object (input)" }), el("pre", { text: JSON.stringify(f.event, null, 2) })),
    el("details", {}, el("summary", { text: "result (output)" }), el("pre", { text: JSON.stringify(f.result, null, 2) })));
}

function exchange(x, viewer) {
  const sent = new Set(x.headers.map(([k]) => k.toLowerCase()));
  const dropped = new Set((viewer ? viewer.headers : []).map(([k]) => k.toLowerCase()).filter((k) => !sent.has(k)));
  const title = x.purpose === "origin" ? `Origin request to '${x.origin}'` : `Error page request to '${x.origin}'`;
  const answer = x.failure ? el("p", { class: "why", text: `failed: ${x.failure}` })
    : el("div", {}, el("h3", { text: `Origin response: ${x.status}` }), kv(x.response_headers));
  return el("div", { class: "exchange" },
    el("h3", { text: title }),
    el("p", { class: "mono", text: `${x.method} ${x.url} (connected to ${x.connect})` }),
    el("div", { class: "columns" },
      section("What the viewer sent", "viewer-headers", kv(viewer ? viewer.headers : [], dropped)),
      section("What the origin received", "origin-request-headers", kv(x.headers))),
    answer);
}

async function select(id) {
  state.selected = id;
  for (const tr of state.rows.values()) tr.classList.toggle("selected", tr.dataset.id === id);
  if (location.hash !== `#request/${id}`) history.replaceState(null, "", `#request/${id}`);
  const pane = $("detail");
  pane.hidden = false;
  pane.replaceChildren(el("p", { class: "hint", text: "loading…" }));
  let d;
  try {
    d = await getJSON(`${API}/requests/${encodeURIComponent(id)}`);
  } catch (err) {
    pane.replaceChildren(el("p", { class: "why", text: String(err.message || err) }));
    return;
  }
  if (state.selected !== id) return;
  const explainBox = el("div", { id: "explain" });
  const copy = el("button", { type: "button", id: "copy-curl", text: "copy as curl", onclick: async () => {
    try { await navigator.clipboard.writeText(d.curl); copy.textContent = "copied"; }
    catch { window.prompt("curl command", d.curl); }
  } });
  const explain = el("button", { type: "button", id: "explain-this", text: "explain this (current config)", onclick: async () => {
    const e = await getJSON(`${API}/requests/${encodeURIComponent(id)}/explain`);
    const out = [el("h3", { text: `frontyard explain, with ${e.config}` }), decisionsTable(e.decisions)];
    if (e.origin_request) out.push(el("p", { class: "mono", text: `would send ${e.origin_request.method} ${e.origin_request.url}` }));
    if (e.answer) out.push(el("p", { text: `would answer ${e.answer.status} at the edge` }));
    explainBox.replaceChildren(...out);
  } });
  const v = d.viewer_request;
  const parts = [
    el("h2", { id: "detail-title", text: `${d.method} ${d.scheme}://${d.host}${d.target}` }),
    el("p", {}, el("span", { class: statusClass(d.status), text: d.status }),
      ` · ${d.duration_ms} ms · ${d.sent} bytes · behavior ${d.behavior || "-"} · origin ${d.origin || "-"} · `,
      el("code", { text: d.id })),
    d.why ? el("p", { class: "why", id: "why", text: `why: ${d.why}` }) : null,
    d.repeat_of ? el("p", { class: "hint", id: "repeat-of", text: "Answered as a repeat of " + d.repeat_of +
      ": the same request line and headers from the same client address, served from the same fresh copy; stages 1-7a as decided then." })
      : null,
    el("div", { class: "actions" }, copy, explain, replayForm(id, d, explainBox),
      el("a", { href: `${API}/requests/${encodeURIComponent(id)}/har`, id: "save-one-har", download: "", text: "Save as HAR" }),
      el("a", { href: `${API}/requests/${encodeURIComponent(id)}`, target: "_blank", text: "JSON" })),
    el("pre", { id: "curl", text: d.curl }),
    explainBox,
    d.bodies ? section("Bodies", "bodies", body("request", d.bodies.request), body("response", d.bodies.response)) : null,
    section("Decisions", "decisions", decisionsTable(d.decisions)),
  ];
  if (d.cache.length) parts.push(section("Cache (key, result, TTL)", "cache", decisionsTable(d.cache)));
  if (d.functions.length) parts.push(section("Functions", "functions", ...d.functions.map(functionRun)));
  if (d.lambda_logs.length) parts.push(section("Lambda@Edge output", "lambda-logs",
    el("pre", { class: "lambda-log", text: d.lambda_logs.join("\n") })));
  if (d.origin_exchanges.length) parts.push(...d.origin_exchanges.map((x) => exchange(x, v)));
  else if (v) parts.push(section("What the viewer sent", "viewer-headers", kv(v.headers)),
    el("p", { class: "hint", text: "No origin was contacted: the edge answered itself." }));
  parts.push(section(`Response to the viewer: ${d.status}`, "response-headers", kv(d.response.headers)));
  parts.push(section("Timings", "timings", timings(d.timings)));
  pane.replaceChildren(...parts.filter((p) => p != null));
}

// A body: its text (bounded), or its size and SHA-256 when it is binary.
function body(which, b) {
  const head = `${which} body: ${b.size} bytes${b.truncated ? " (first part kept)" : ""}`;
  if (b.size === 0) return el("p", { class: "hint", text: `${which} body: none` });
  if (b.text === null) return el("p", { class: "mono", text: `${head}, binary, sha256 ${b.sha256}` });
  return el("div", {}, el("p", { text: head }), el("pre", { class: `body-${which}`, text: b.text }));
}

// "Replay": the request sent again, optionally edited (method, query, extra headers), here or against another config.
function replayForm(id, d, out) {
  const method = el("input", { id: "replay-method", value: d.method, size: 7 });
  const query = el("input", { id: "replay-query", value: (d.target.split("?")[1] || ""), placeholder: "query" });
  const extra = el("input", { id: "replay-header", placeholder: "Name: value" });
  const against = el("input", { id: "replay-against", placeholder: "another config file (optional)" });
  const go = el("button", { type: "button", id: "replay-this", text: "Replay", onclick: async () => {
    const edits = { method: method.value, query: query.value };
    if (extra.value.includes(":")) {
      const [name, ...rest] = extra.value.split(":");
      edits.headers = [...d.viewer_request.headers, [name.trim(), rest.join(":").trim()]];
    }
    if (against.value) edits.against = against.value;
    const r = await fetch(`${API}/requests/${encodeURIComponent(id)}/replay`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(edits) });
    const e = await r.json();
    if (!r.ok) { out.replaceChildren(el("p", { class: "why", text: e.error })); return; }
    out.replaceChildren(el("h3", { text: `replayed with ${e.config}: ${e.status}` }), decisionsTable(e.decisions),
      body("response", e.body));
  } });
  return el("span", { class: "replay" }, method, query, extra, against, go);
}

// -- config -------------------------------------------------------------------------------------------
async function loadConfig() {
  const c = await getJSON(`${API}/config`);
  $("config-file").textContent = c.file;
  const count = $("warning-count");
  count.textContent = c.warnings.length ? `${c.warnings.length} warning${c.warnings.length > 1 ? "s" : ""}` : "";
  count.className = c.warnings.length ? "warn" : "";
  $("config-warnings").replaceChildren(...c.warnings.map((w) => el("div", { class: "warning", text: w.text })));
  $("config-distributions").replaceChildren(...c.distributions.map((d) => el("p", {},
    el("b", { text: d.id }), ` (${[d.domain_name, ...d.aliases].join(", ")}): behaviors ${d.behaviors.join(", ")}; origins ${d.origins.join(", ")}`)));
  $("config-text").textContent = c.text;
  c.distributions.forEach((d) => {
    d.behaviors.forEach((b) => addOption($("filter-behavior"), state.behaviors, b));
    d.origins.forEach((o) => addOption($("filter-origin"), state.origins, o));
  });
}

function route() {
  const config = location.hash === "#config";
  $("view-config").hidden = !config;
  $("view-requests").hidden = config;
  $("tab-config").classList.toggle("active", config);
  $("tab-requests").classList.toggle("active", !config);
  if (config) loadConfig().catch(() => {});
  const m = location.hash.match(/^#request\/(.+)$/);
  if (m && m[1] !== state.selected) select(decodeURIComponent(m[1]));
}

for (const id of ["filter-status", "filter-behavior", "filter-origin"]) $(id).addEventListener("change", applyFilters);
$("filter-text").addEventListener("input", applyFilters);
$("clear-filters").addEventListener("click", () => {
  for (const id of ["filter-status", "filter-behavior", "filter-origin", "filter-text"]) $(id).value = "";
  applyFilters();
});
window.addEventListener("hashchange", route);
loadConfig().catch(() => {});
catchUp().catch(() => {}).finally(() => { connect(); route(); });
