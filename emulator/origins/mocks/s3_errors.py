"""S3's response identity and error bodies: XML for the REST endpoint, HTML for the website endpoint."""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from xml.sax import saxutils

from emulator.origins.mocks.body import StreamedBody, bytes_chunks

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Escaped for XML and HTML text; characters XML 1.0 cannot carry at all (a NUL in a key) become U+FFFD."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


@dataclass(frozen=True)
class RequestIds:
    """x-amz-request-id and x-amz-id-2: error bodies repeat them as RequestId and HostId."""

    request_id: str
    host_id: str

    @classmethod
    def new(cls) -> RequestIds:
        return cls(os.urandom(8).hex().upper(), base64.b64encode(os.urandom(54)).decode())

    def headers(self) -> dict[str, str]:
        return {"x-amz-id-2": self.host_id, "x-amz-request-id": self.request_id, "Server": "AmazonS3"}


@dataclass(frozen=True)
class S3Error:
    status: int
    code: str
    message: str
    # Extra elements, in S3's order: Key for NoSuchKey, Condition for PreconditionFailed, ...
    details: tuple[tuple[str, str], ...] = ()


def access_denied() -> S3Error:
    return S3Error(403, "AccessDenied", "Access Denied")  # S3 names no key here: it must not leak existence


def no_such_key(key: str) -> S3Error:
    return S3Error(404, "NoSuchKey", "The specified key does not exist.", (("Key", key),))


def precondition_failed(condition: str) -> S3Error:
    return S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
                   (("Condition", condition),))


def invalid_range(requested: str, size: int) -> S3Error:
    return S3Error(416, "InvalidRange", "The requested range is not satisfiable",
                   (("RangeRequested", requested), ("ActualObjectSize", str(size))))


def method_not_allowed(method: str) -> S3Error:
    return S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                   (("Method", method), ("ResourceType", "OBJECT")))


def xml_response(error: S3Error, ids: RequestIds, extra: dict[str, str] | None = None) -> StreamedBody:
    elements = [("Code", error.code), ("Message", error.message), *error.details,
                ("RequestId", ids.request_id), ("HostId", ids.host_id)]
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error>'
            + "".join(f"<{name}>{escape(value)}</{name}>" for name, value in elements) + "</Error>").encode()
    return StreamedBody(status=error.status, length=len(body), chunks=bytes_chunks(body),
                        headers={**ids.headers(), "Content-Type": "application/xml", **(extra or {})})


_TITLES = {403: "403 Forbidden", 404: "404 Not Found", 405: "405 Method Not Allowed",
           412: "412 Precondition Failed", 416: "416 Requested Range Not Satisfiable"}


def html_page(error: S3Error, ids: RequestIds, *, error_document: S3Error | None = None) -> bytes:
    """The website endpoint's own error page; `error_document` reports why the configured page was missing."""

    def items(pairs: list[tuple[str, str]]) -> str:
        return "".join(f"<li>{name}: {escape(value)}</li>\n" for name, value in pairs)

    title = _TITLES.get(error.status, f"{error.status} Error")
    page = (f"<html>\n<head><title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n<ul>\n"
            + items([("Code", error.code), ("Message", error.message), *error.details,
                     ("RequestId", ids.request_id), ("HostId", ids.host_id)])
            + "</ul>\n")
    if error_document is not None:
        page += ("<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n<ul>\n"
                 + items([("Code", error_document.code), ("Message", error_document.message),
                          *error_document.details])
                 + "</ul>\n")
    return (page + "<hr/>\n</body>\n</html>\n").encode()


def html_response(error: S3Error, ids: RequestIds, *, error_document: S3Error | None = None,
                  extra: dict[str, str] | None = None) -> StreamedBody:
    body = html_page(error, ids, error_document=error_document)
    return StreamedBody(status=error.status, length=len(body), chunks=bytes_chunks(body),
                        headers={**ids.headers(), "Content-Type": "text/html; charset=utf-8", **(extra or {})})
