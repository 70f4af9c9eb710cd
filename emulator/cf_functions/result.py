"""What a function returned -> a typed outcome, validated as CloudFront does (DG/functions-event-structure).

Validation failures are `Failed(VALIDATION_ERROR)` (502 at the edge); execution failures come from the
runtime (503). Output header names are capitalised the way CloudFront writes them.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from emulator.decisions import Respond

from .event import READ_ONLY_HEADERS, Header, is_disallowed, parse_cookie_header
from .origin import OriginChange
from .runtime import FailureKind

MAX_URI_AND_QUERY = 8192  # URI + query string must be shorter than this (edge-function restrictions)
_BAD_QUERY = re.compile(r"[\x00-\x20\x7f#]")
# RFC 9110 token: what a header or cookie name may be (no ':', space, CR/LF, ...), so nothing a function
# returns can add a line or smuggle a second header ('host:evil') onto the wire.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Control characters other than tab end a header line (CR, LF) or are refused by HTTP parsers (NUL, ...).
_BAD_TEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ContinueRequest:
    """Viewer-request: carry on with this request (the cache behavior is NOT re-selected)."""

    uri: str
    raw_query: str | None
    headers: tuple[Header, ...]
    origin_change: OriginChange | None = None


@dataclass(frozen=True, slots=True)
class ContinueResponse:
    """Viewer-response: send this status and headers; body None keeps the origin's body."""

    status: int
    description: str
    headers: tuple[Header, ...]
    body: bytes | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    kind: FailureKind
    message: str


Outcome = ContinueRequest | ContinueResponse | Respond | Failed


@dataclass(frozen=True, slots=True)
class FunctionResult:
    outcome: Outcome
    logs: tuple[str, ...]
    duration_us: int
    compute_utilization: int  # 0-100, calibrated estimate (README.md)
    output_json: str | None = None  # the returned object as JSON, for test-function


class ValidationError(Exception):
    pass


@lru_cache(maxsize=4096)  # pure, and called for every header of every function result
def capitalize_header(name: str) -> str:
    """`example-header-name` -> `Example-Header-Name`; only the first ASCII letter of each word changes."""
    return "-".join(_cap_word(w) for w in name.split("-"))


def _cap_word(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].isascii() else word


def _values(field: Any, where: str) -> list[str]:
    if not isinstance(field, dict):
        raise ValidationError(f"{where}: expected an object with a 'value'")
    multi = field.get("multiValue", field.get("multivalue"))
    if multi is not None:
        if not isinstance(multi, list) or not all(isinstance(m, dict) and "value" in m for m in multi):
            raise ValidationError(f"{where}.multiValue: expected a list of {{value}} objects")
        return [_text(m["value"], where) for m in multi]
    if "value" not in field:
        raise ValidationError(f"{where}: missing 'value'")
    return [_text(field["value"], where)]


def _text(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValidationError(f"{where}: value must be a string")
    text = value if isinstance(value, str) else str(value)
    return _wire_safe(text, where)


def _wire_safe(text: str, where: str) -> str:
    if _BAD_TEXT.search(text):
        raise ValidationError(f"{where}: {text!r} contains a control character (CR, LF, NUL, ...)")
    return text


def _name(name: str, what: str) -> str:
    if not _is_token(name):
        raise ValidationError(f"{what} name {name!r} is not a valid HTTP token (no spaces, ':' or control characters)")
    return name


@lru_cache(maxsize=4096)  # header and cookie names repeat from request to request
def _is_token(name: str) -> bool:
    return _TOKEN.fullmatch(name) is not None


def merged_values(new: Any, old: Any, where: str) -> list[str]:
    """CloudFront's rule: a modified multiValue wins; else a changed value replaces the first one only."""
    out_values = _values(new, where)
    if not isinstance(old, dict) or not isinstance(new, dict):
        return out_values
    new_multi = new.get("multiValue", new.get("multivalue"))
    old_multi = old.get("multiValue", old.get("multivalue"))
    if new_multi != old_multi:  # replaced, emptied or dropped: the function's list is the truth
        return out_values
    old_values = _values(old, where)
    return [_text(new.get("value"), where), *old_values[1:]] if "value" in new else old_values


def _fields(obj: Any, where: str) -> dict[str, Any]:
    if obj is None:
        return {}
    if not isinstance(obj, dict):
        raise ValidationError(f"{where}: expected an object")
    return obj


def _kept_values(field: Any, where: str) -> list[str]:
    """merged_values(field, field): what a field the function returned untouched stands for, with the same
    checks (and errors) but each value looked at once."""
    values = _values(field, where)
    if len(values) == 1 and isinstance(field, dict) and field.get("value") is values[0]:
        return values  # one value, already checked by _values (the same string object)
    return [_text(field.get("value"), where), *values[1:]] if "value" in field else values


def output_headers(new: Any, old: dict[str, Any], event_type: str, generated: bool) -> tuple[Header, ...]:
    kept = new == old and not generated  # the common case: a function that changed the uri, or nothing
    new_fields = _fields(new, "headers")
    read_only = READ_ONLY_HEADERS[event_type] if not generated else frozenset()
    out: list[Header] = []
    for name, field in new_fields.items():
        _name(name, "header")
        if name != name.lower():
            raise ValidationError(f"header name '{name}' must be lowercase")
        if is_disallowed(name):
            raise ValidationError(f"header '{capitalize_header(name)}' cannot be added by a function")
        where = f"headers.{name}"
        values = _kept_values(field, where) if kept else merged_values(field, old.get(name), where)
        out.extend((capitalize_header(name), v) for v in values)
    for name in read_only:
        before = _values(old[name], name) if name in old else None
        after = [v for n, v in out if n.lower() == name] or None
        if before != after:
            raise ValidationError(f"header '{capitalize_header(name)}' is read-only in {event_type} functions")
    return tuple(out)


def _cookie_pairs(new: Any, old: dict[str, Any]) -> list[tuple[str, str, str]]:
    kept = new == old
    out = []
    for name, field in _fields(new, "cookies").items():
        _name(name, "cookie")
        where = f"cookies.{name}"
        values = _kept_values(field, where) if kept else merged_values(field, old.get(name), where)
        multi = field.get("multiValue") if isinstance(field, dict) else None
        attrs = [m.get("attributes", "") for m in multi] if isinstance(multi, list) else []
        for i, value in enumerate(values):
            attributes = attrs[i] if i < len(attrs) else (field.get("attributes", "") if i == 0 else "")
            attributes = "" if attributes is None else attributes
            if not isinstance(attributes, str):
                raise ValidationError(f"cookies.{name}: attributes must be a string")
            out.append((name, value, _wire_safe(attributes, f"cookies.{name}.attributes")))
    return out


def query_string(new: Any, old: dict[str, Any], old_raw: str | None) -> str | None:
    if isinstance(new, str):
        raw = new[1:] if new.startswith("?") else new
    else:
        fields = _fields(new, "querystring")
        if fields == old:
            return old_raw  # unchanged: the original bytes go on
        parts = []
        for name, field in fields.items():
            parts.extend(f"{name}={v}" for v in merged_values(field, old.get(name), f"querystring.{name}"))
        raw = "&".join(parts)
        if not raw and old_raw is None:
            return None
    if _BAD_QUERY.search(raw):
        raise ValidationError("the query string contains a space, a control character or '#'")
    return raw


def _uri(out: dict[str, Any], method: Any) -> str:
    uri = out.get("uri")
    if not isinstance(uri, str) or not uri.startswith("/"):
        raise ValidationError(f"uri must be a string starting with '/', got {uri!r}")
    if "method" in out and out["method"] != method:
        raise ValidationError("method is read-only")
    return uri


def _check_length(uri: str, query: str | None) -> None:
    if len(uri) + len(query or "") + 1 >= MAX_URI_AND_QUERY:
        raise ValidationError(f"uri and query string must be shorter than {MAX_URI_AND_QUERY} characters")


def to_request(out: dict[str, Any], event: dict[str, Any], raw_query: str | None) -> ContinueRequest:
    original = event["request"]
    uri = _uri(out, original.get("method"))
    query = query_string(
        out.get("querystring", original.get("querystring")), original.get("querystring") or {}, raw_query
    )
    _check_length(uri, query)
    headers = list(output_headers(out.get("headers"), original.get("headers") or {}, "viewer-request", False))
    cookies = _cookie_pairs(out.get("cookies"), original.get("cookies") or {})
    if cookies:
        headers.append(("Cookie", "; ".join(f"{n}={v}" for n, v, _ in cookies)))
    return ContinueRequest(uri, query, tuple(headers))


def kept_request(out: dict[str, Any], method: str, raw_query: str | None, headers: list[Header],
                 cookies: list[str]) -> ContinueRequest:
    """to_request for a handler that returned the request's headers, cookies and query string as they came in
    (core.js `__cf_invoke_request` saw that): the same checks and output, without comparing them again."""
    uri = _uri(out, method)
    _check_length(uri, raw_query)  # an unchanged query string goes on as it came
    out_headers = kept_headers(headers)
    if cookies:
        parsed = parse_cookie_header(cookies)
        if pairs := _cookie_pairs(parsed, parsed):
            out_headers.append(("Cookie", "; ".join(f"{n}={v}" for n, v, _ in pairs)))
    return ContinueRequest(uri, raw_query, tuple(out_headers))


def kept_headers(pairs: list[Header]) -> list[Header]:
    """output_headers(old, old) for a viewer-request's visible headers (event.header_pairs: lowercase, in order)."""
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    out: list[Header] = []
    for name, values in grouped.items():
        _name(name, "header")
        capitalized = capitalize_header(name)
        for value in values:
            if _BAD_TEXT.search(value):
                _wire_safe(value, f"headers.{name}")
            out.append((capitalized, value))
    return out


def _body(out: dict[str, Any]) -> bytes | None:
    if "body" not in out or out["body"] is None:
        return None
    body = out["body"]
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, dict) and isinstance(body.get("data"), str):
        encoding = body.get("encoding", "text")
        if encoding == "text":
            return body["data"].encode("utf-8")
        if encoding == "base64":
            try:
                return base64.b64decode(body["data"], validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError("body.data is not valid base64") from None
        raise ValidationError(f"body.encoding must be 'text' or 'base64', got {encoding!r}")
    raise ValidationError("body must be a string or {data, encoding}")


def to_response(out: dict[str, Any], event: dict[str, Any], generated: bool) -> Respond | ContinueResponse:
    status = out.get("statusCode")
    if isinstance(status, float) and status.is_integer():
        status = int(status)
    if not isinstance(status, int) or isinstance(status, bool) or not 200 <= status <= 599:
        raise ValidationError(f"statusCode must be an integer HTTP status from 200 to 599, got {status!r}")
    description = out.get("statusDescription", "")
    if not isinstance(description, str):
        raise ValidationError("statusDescription must be a string")
    _wire_safe(description, "statusDescription")
    original = {} if generated else event.get("response", {})
    event_type = "viewer-request" if generated else "viewer-response"
    headers = list(output_headers(out.get("headers"), original.get("headers") or {}, event_type, generated))
    for name, value, attributes in _cookie_pairs(out.get("cookies"), original.get("cookies") or {}):
        headers.append(("Set-Cookie", f"{name}={value}" + (f"; {attributes}" if attributes else "")))
    body = _body(out)
    if generated:
        return Respond(status, description, tuple(headers), body or b"")
    return ContinueResponse(status, description, tuple(headers), body)


def interpret(value_type: str, out: Any, event: dict[str, Any], raw_query: str | None) -> Outcome:
    """Turn the handler's return value into an outcome; ValidationError becomes Failed(validation)."""
    event_type = event["context"]["eventType"]
    try:
        if value_type != "object" or not isinstance(out, dict):
            raise ValidationError(f"the function must return a request or response object, got {value_type}")
        if event_type == "viewer-request":
            if "statusCode" in out:
                return to_response(out, event, generated=True)
            return to_request(out, event, raw_query)
        if "statusCode" not in out:
            raise ValidationError("a viewer-response function must return a response object (statusCode missing)")
        return to_response(out, event, generated=False)
    except ValidationError as exc:
        return invalid(exc)


def invalid(exc: ValidationError) -> Failed:
    return Failed(FailureKind.VALIDATION_ERROR, f"The function returned an invalid object: {exc}")
