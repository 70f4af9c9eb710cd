"""`lambda-url`: a Lambda function URL (`<url-id>.lambda-url.<region>.on.aws`) running a local handler.

AWS, "Invoking Lambda function URLs": the event is payload format 2.0 (the shape of HTTP APIs'), the response is
mapped the same way (cookies become Set-Cookie headers, base64 bodies are decoded, a value with no statusCode is
the body of a 200 application/json). With `auth_type: AWS_IAM` "you must sign each HTTP request using AWS
Signature Version 4 (SigV4)... Lambda processes the request only if the signatures match": behind CloudFront that
is an origin access control of origin type lambda (origins/access.py signs, origins/sigv4.py checks here with the
edge's credentials), and an unsigned or wrongly signed request gets 403.

Like API Gateway, a function URL answers only its own domain: CloudFront's AllViewerExceptHostHeader policy
"is intended for use with Amazon API Gateway and AWS Lambda function URL origins" (AWS, "Use managed origin
request policies").
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from aiohttp import web

from emulator.config.model import LambdaFunctionConfig, MockSpec
from emulator.config.model.access import AwsIdentity
from emulator.http import split_host_port
from emulator.lambda_edge.workers import Status
from emulator.origins import sigv4
from emulator.origins.mocks import EDGE, Handler, MockType, OptionSpec
from emulator.origins.mocks.lambda_proxy import BadResponse, Incoming, Invoker, event_v2, json_error, response_v2

AUTH_TYPES = ("NONE", "AWS_IAM")
LOG = logging.getLogger("frontyard")  # why a request was refused or failed: the answer itself is AWS's, bare


def check(options: Mapping[str, object]) -> list[tuple[str | None, str]]:
    auth = options.get("auth_type", "NONE")
    if auth not in AUTH_TYPES:
        return [("auth_type", f"'{auth}' is not a function URL auth type (one of: {', '.join(AUTH_TYPES)})")]
    return []


class FunctionUrl:
    """The handler of one function URL; `close` ends the function's worker when the mock stops."""

    def __init__(self, spec: MockSpec) -> None:
        fn = spec.option("function")
        assert isinstance(fn, LambdaFunctionConfig), "the loader resolves `function` to the function's config"
        self.domain = str(spec.option("origin_domain", "")).lower()
        self.region = sigv4.region_of(self.domain)
        self.invoker = Invoker(fn, self.region)
        self.iam = spec.option("auth_type", "NONE") == "AWS_IAM"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        req = await Incoming.read(request)
        host = split_host_port(req.host)[0].lower()
        if self.domain and host != self.domain:
            LOG.info("function URL %s refused Host '%s'", self.domain, host)
            return json_error(403, "Forbidden", "AccessDeniedException", key="Message")
        if self.iam and (refused := self.refusal(request, req.method, req.body)) is not None:
            LOG.info("function URL %s refused %s %s: %s", self.domain, req.method, req.path, refused[1])
            return refused[0]
        event = event_v2(req, api_id=self.domain.split(".")[0], stage="$default", route_key="$default",
                         path=req.path, path_parameters=None, keep_cookie_header=True)
        status, result, error = await self.invoker.invoke(event)
        if status is Status.OK:
            try:
                code, headers, body = response_v2(result)
            except BadResponse as exc:
                return _failed(str(exc))
            headers["x-amzn-RequestId"] = req.request_id
            return web.Response(status=code, headers=headers, body=body)
        return _failed(error)

    def refusal(self, request: web.Request, method: str, body: bytes) -> tuple[web.Response, str] | None:
        """Lambda's answer to a request without a valid SigV4 signature by the edge, and why; None: it holds."""
        if "Authorization" not in request.headers:
            return json_error(403, "Forbidden", "AccessDeniedException", key="Message"), \
                "no SigV4 Authorization header (AuthType AWS_IAM)"
        edge = request.app.get(EDGE)
        aws = edge.aws if edge is not None else AwsIdentity()
        expected = sigv4.Expected(aws.access_key_id, aws.secret_access_key, aws.session_token,
                                  scope=(self.region, "lambda"), unsigned_ok=False)
        verdict = sigv4.verify(method, request.raw_path, request.headers, expected, body)
        if verdict.ok:
            return None
        return json_error(403, _MISMATCH, "InvalidSignatureException"), verdict.reason

    async def close(self) -> None:
        await self.invoker.close()


_MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your AWS "
             "Secret Access Key and signing method. Consult the service documentation for details.")


def _failed(why: str) -> web.Response:
    # A function error reaches the client as 502 with this fixed text; the error itself is only in the logs.
    LOG.error("function URL handler failed: %s", why)
    return web.Response(status=502, body=b"Internal Server Error", content_type="application/json")


def make_handler(spec: MockSpec) -> Handler:
    return FunctionUrl(spec).handle


MOCK = MockType(
    "lambda-url",
    {
        "function": OptionSpec("lambda", required=True, help="the function's name under lambda_functions"),
        "auth_type": OptionSpec("str", help="NONE (default) or AWS_IAM (requests must be SigV4-signed, as "
                                "CloudFront does with an origin access control)"),
    },
    make_handler,
    check=check,
    own_domain=True,
)
