"""The replay report as one self-contained HTML page (inline style, no script, nothing fetched)."""

from __future__ import annotations

from html import escape

from emulator.replay.predict import LIMITS
from emulator.replay.report import Report

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d232b;max-width:80em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #d5dae1;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#eef1f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.group{border-left:4px solid #c2410c;padding:.2em .8em;margin:.8em 0;background:#fff7ed}
.count{font-weight:700}code{font:12px ui-monospace,monospace}.limits li{color:#555}
"""


def render(report: Report) -> str:
    title = f"Replay of {report.input}"
    body = [f"<h1>{escape(title)}</h1>",
            f"<p id='summary'>{report.requests:,} requests ({escape(report.format)}) through "
            f"{escape(' and '.join(report.configs))}; origins: {escape(report.origins)}; "
            f"{report.malformed_count:,} malformed lines.</p>"]
    if report.diff is not None:
        body += _diff(report)
    body += _prediction(report)
    body += ["<h2>What the prediction cannot know</h2><ul class='limits'>"]
    body += [f"<li>{escape(limit)}</li>" for limit in LIMITS] + ["</ul>"]
    body += _requests(report)
    if report.malformed:
        body += ["<h2>Malformed lines</h2><ul>"]
        body += [f"<li>line {m.line}: {escape(m.reason)}</li>" for m in report.malformed] + ["</ul>"]
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def _diff(report: Report) -> list[str]:
    diff = report.diff
    assert diff is not None
    out = [f"<h2>What changes</h2><p>{diff.differ:,} of {report.requests:,} requests decide differently under "
           f"{escape(report.configs[1])} than under {escape(report.configs[0])}.</p>"]
    for group in diff.ordered():
        examples = "".join(f"<li>line {a.line}: <code>{escape(a.method)} {escape(a.target)}</code></li>"
                           for a, _ in group.examples)
        out.append(f"<div class='group'><span class='count'>{group.count:,}</span> {escape(group.label)}"
                   f"<ul>{examples}</ul></div>")
    return out


def _prediction(report: Report) -> list[str]:
    out = ["<h2>Cache prediction</h2><table><tr><th>config</th><th>behavior</th><th>requests</th>"
           "<th>hit ratio</th><th>logged hit ratio</th><th>origin requests</th><th>origin bytes</th></tr>"]
    for name, prediction in zip(report.configs, report.predictions, strict=True):
        rows = [("all", prediction.total), *sorted(prediction.by_behavior.items())]
        for behavior, load in rows:
            logged = f"{load.logged_hits / load.logged_known:.1%}" if load.logged_known else "-"
            out.append(f"<tr><td>{escape(name)}</td><td>{escape(behavior)}</td><td class='n'>{load.requests:,}</td>"
                       f"<td class='n'>{load.hit_ratio:.1%}</td><td class='n'>{logged}</td>"
                       f"<td class='n'>{load.origin_requests:,}</td><td class='n'>{load.origin_bytes:,}</td></tr>")
    return [*out, "</table>"]


def _requests(report: Report) -> list[str]:
    out = [f"<h2>First {len(report.rows)} requests ({escape(report.configs[0])})</h2><table><tr><th>line</th>"
           "<th>request</th><th>status</th><th>cache</th><th>behavior</th><th>origin</th><th>origin path</th>"
           "<th>cache key</th><th>functions</th></tr>"]
    for row in report.rows:
        o = row[0]
        out.append(f"<tr><td class='n'>{o.line}</td><td><code>{escape(o.method)} {escape(o.target)}</code></td>"
                   f"<td>{o.status}</td><td>{escape(o.cache)}</td><td>{escape(str(o.behavior))}</td>"
                   f"<td>{escape(str(o.origin))}</td><td><code>{escape(o.origin_path or '')}</code></td>"
                   f"<td><code>{escape(o.cache_key or '(not cached)')}</code></td>"
                   f"<td>{escape('; '.join(o.functions))}</td></tr>")
    return [*out, "</table>"]
