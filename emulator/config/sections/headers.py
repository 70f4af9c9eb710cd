"""Loading response headers policies (AWS: "Understand response headers policies"): `response_headers_policies:` and a
behavior's reference.

The keys are CloudFront's ResponseHeadersPolicyConfig in snake_case (cors_config, security_headers_config,
custom_headers_config, remove_headers_config, server_timing_headers_config), so a policy maps one to one.
"""

from __future__ import annotations

import re
import uuid

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.model.headers import (
    CORS_METHODS,
    CSP_MAX,
    REFERRER_POLICIES,
    RESPONSE_HEADERS_POLICIES,
    CorsConfig,
    PolicyHeader,
    ResponseHeadersPolicy,
    ServerTiming,
    unremovable,
)
from emulator.config.reader import Report, Section

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
# '*', '*.example.org', 'https://app.example.org', 'http://example.org:*', 'http://example.org:1*3'
_ORIGIN = re.compile(r"^(\*|(https?://)?(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9*]+)?)$")


class HeadersPolicies:
    """The managed response headers policies (by name, short name and id) and those the config declares."""

    def __init__(self, report: Report) -> None:
        self.r = report
        self.table: dict[str, ResponseHeadersPolicy] = {}
        for p in RESPONSE_HEADERS_POLICIES:
            self.table[p.name] = self.table[p.id] = self.table[p.name.removeprefix("Managed-")] = p

    def load(self, top: Section) -> None:
        section = top.section("response_headers_policies")
        if section is None:
            return
        for name in section.data:
            if name.startswith("Managed-") or name in self.table:
                self.r.error(section.at(name), f"'{name}': that name belongs to an AWS managed policy", key=True)
                continue
            if (policy := self._policy(section, name)) is not None:
                self.table[name] = policy

    def resolve(self, s: Section) -> ResponseHeadersPolicy | None:
        name = s.str("response_headers_policy")
        if name is None:
            return None
        if name not in self.table:
            names = sorted({p.name for p in self.table.values()})
            self.r.error(s.at("response_headers_policy"), f"no response headers policy named '{name}' (managed "
                         "names, IDs, or names under 'response_headers_policies')", f"one of: {', '.join(names)}")
            return None
        return self.table[name]

    # -- one policy ------------------------------------------------------------------------------------
    def _policy(self, parent: Section, name: str) -> ResponseHeadersPolicy | None:
        s = Section(self.r, parent.at(name), parent.data[name])
        s.check_keys(config_keys.names(config_keys.RESPONSE_HEADERS_POLICY))
        cors = self._cors(s.section("cors_config"))
        security = self._security(s.section("security_headers_config"))
        custom = self._custom(s)
        remove = self._remove(s)
        timing = ServerTiming()
        if (t := s.section("server_timing_headers_config")) is not None:
            t.check_keys(config_keys.names(config_keys.SERVER_TIMING))
            if not t.has("enabled"):
                self.r.error(t.path, "missing required key 'enabled'", "true or false")
            timing = ServerTiming(
                enabled=t.bool("enabled", False), sampling_rate=t.float("sampling_rate", 0.0, 0.0, 100.0)
            )
        if not (cors or security or custom or remove or timing.enabled):
            self.r.error(s.path, "a response headers policy needs at least one of cors_config, "
                         "security_headers_config, custom_headers_config, remove_headers_config or an enabled "
                         "server_timing_headers_config")
        added = {h.name.lower() for h in (*security, *custom)}
        for h in custom:
            if h.name.lower() in {x.name.lower() for x in security} or h.name.lower().startswith("access-control-"):
                self.r.error(s.at("custom_headers_config"), f"custom header '{h.name}' is set by the policy's "
                             "CORS or security headers configuration", "a header set in one place only")
        for h in remove:
            if h.lower() in added:
                self.r.warn(s.at("remove_headers_config"), f"'{h}' is removed and also added by this policy: "
                            "removals run first, so the policy's value is sent")
        policy_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"frontyard:response-headers-policy:{name}"))
        return ResponseHeadersPolicy(
            name=name, id=policy_id, cors=cors, security=security, custom=custom, remove=remove, server_timing=timing
        )

    def _cors(self, c: Section | None) -> CorsConfig | None:
        if c is None:
            return None
        c.check_keys(config_keys.names(config_keys.CORS))
        for key in ("access_control_allow_origins", "access_control_allow_headers", "access_control_allow_methods",
                    "access_control_allow_credentials", "origin_override"):
            if not c.has(key):  # CloudFront's API requires these five
                self.r.error(c.path, f"missing required key '{key}'")
        origins = c.strs("access_control_allow_origins") or []
        for i, o in enumerate(origins):
            if not _ORIGIN.match(o):
                self.r.error(c.at("access_control_allow_origins") + (i,), f"'{o}' is not an allowed origin",
                             "'*', a scheme://host[:port] origin, or '*.' as the leftmost label only")
        methods = [m.upper() for m in (c.strs("access_control_allow_methods") or [])]
        if "ALL" in methods:
            methods = list(CORS_METHODS)
        for i, m in enumerate(methods):
            if m not in CORS_METHODS:
                self.r.error(c.at("access_control_allow_methods") + (i,), f"'{m}' is not a CORS method here",
                             f"ALL or any of: {', '.join(CORS_METHODS)}")
        headers = c.strs("access_control_allow_headers") or []
        expose = c.strs("access_control_expose_headers") or []
        for key, names in (("access_control_allow_headers", headers), ("access_control_expose_headers", expose)):
            for i, h in enumerate(names):
                if h != "*" and not _TOKEN.match(h.replace("*", "x")):
                    self.r.error(c.at(key) + (i,), f"'{h}' is not a header name", "a header name, or '*'")
        credentials = c.bool("access_control_allow_credentials", False)
        if credentials and "*" in origins:
            self.r.warn(c.at("access_control_allow_credentials"), "browsers refuse credentials with "
                        "Access-Control-Allow-Origin: *; list the allowed origins")
        max_age = c.int("access_control_max_age_sec", -1, 0, 2**31 - 1)
        return CorsConfig(
            allow_origins=tuple(origins),
            allow_methods=tuple(dict.fromkeys(methods)),
            allow_headers=tuple(headers),
            allow_credentials=credentials,
            expose_headers=tuple(expose),
            max_age=None if max_age < 0 else max_age,
            origin_override=c.bool("origin_override", False),
        )

    def _security(self, s: Section | None) -> tuple[PolicyHeader, ...]:
        if s is None:
            return ()
        s.check_keys(config_keys.names(config_keys.SECURITY_HEADERS))
        out: list[PolicyHeader] = []
        if (h := s.section("content_security_policy")) is not None:
            h.check_keys(config_keys.names(config_keys.CSP))
            value = h.str("content_security_policy", required=True, expected="the policy's directives") or ""
            if len(value) > CSP_MAX:
                self.r.error(h.at("content_security_policy"), f"{len(value)} characters; CloudFront allows "
                             f"{CSP_MAX}")
            out.append(PolicyHeader(name="Content-Security-Policy", value=value, override=self._override(h)))
        if (h := s.section("content_type_options")) is not None:
            h.check_keys(config_keys.names(config_keys.CONTENT_TYPE_OPTIONS))
            out.append(PolicyHeader(name="X-Content-Type-Options", value="nosniff", override=self._override(h)))
        if (h := s.section("frame_options")) is not None:
            h.check_keys(config_keys.names(config_keys.FRAME_OPTIONS))
            option = (h.str("frame_option", required=True, expected="DENY or SAMEORIGIN") or "").upper()
            if option not in ("DENY", "SAMEORIGIN"):
                self.r.error(h.at("frame_option"), f"'{option}' is not a frame option", "DENY or SAMEORIGIN")
            out.append(PolicyHeader(name="X-Frame-Options", value=option, override=self._override(h)))
        if (h := s.section("referrer_policy")) is not None:
            h.check_keys(config_keys.names(config_keys.REFERRER_POLICY))
            value = h.str("referrer_policy", required=True, expected="a referrer policy") or ""
            if value not in REFERRER_POLICIES:
                self.r.error(h.at("referrer_policy"), f"'{value}' is not a referrer policy",
                             f"one of: {', '.join(REFERRER_POLICIES)}")
            out.append(PolicyHeader(name="Referrer-Policy", value=value, override=self._override(h)))
        if (h := s.section("strict_transport_security")) is not None:
            h.check_keys(config_keys.names(config_keys.HSTS))
            if not h.has("access_control_max_age_sec"):
                self.r.error(h.path, "missing required key 'access_control_max_age_sec'", "seconds, like 31536000")
            value = f"max-age={h.int('access_control_max_age_sec', 0, 0, 2**31 - 1)}"
            value += "; includeSubDomains" if h.bool("include_subdomains", False) else ""
            value += "; preload" if h.bool("preload", False) else ""
            out.append(PolicyHeader(name="Strict-Transport-Security", value=value, override=self._override(h)))
        if (h := s.section("xss_protection")) is not None:
            out.append(self._xss(h))
        return tuple(out)

    def _xss(self, h: Section) -> PolicyHeader:
        h.check_keys(config_keys.names(config_keys.XSS_PROTECTION))
        if not h.has("protection"):
            self.r.error(h.path, "missing required key 'protection'", "true (1) or false (0)")
        protection = h.bool("protection", False)
        block = h.bool("mode_block", False)
        report = h.str("report_uri")
        if block and report:
            self.r.error(h.path, "give mode_block or report_uri, not both")
        if not protection and (block or report):
            self.r.error(h.path, "mode_block and report_uri need protection: true")
        value = "1" if protection else "0"
        value += "; mode=block" if block else f"; report={report}" if report else ""
        return PolicyHeader(name="X-XSS-Protection", value=value, override=self._override(h))

    def _override(self, h: Section) -> bool:
        if not h.has("override"):
            self.r.error(h.path, "missing required key 'override'", "true: replace the origin's value; false: keep it")
        return h.bool("override", False)

    def _custom(self, s: Section) -> tuple[PolicyHeader, ...]:
        out: list[PolicyHeader] = []
        seen: set[str] = set()
        for path, raw in s.items("custom_headers_config"):
            h = Section(self.r, path, raw)
            h.check_keys(config_keys.names(config_keys.CUSTOM_HEADER))
            name = h.str("header", required=True, expected="a header name") or ""
            value = h.str("value", "") or ""
            if name and (problem := rules.custom_header_problem(name, value)) and "origin custom header" not in problem:
                self.r.error(h.at("header"), problem)
            if name.lower() in seen:
                self.r.error(h.at("header"), f"custom header '{name}' is listed twice")
            seen.add(name.lower())
            if unremovable(name):
                self.r.error(h.at("header"), f"'{name}' is controlled by CloudFront and cannot be set by a policy")
            out.append(PolicyHeader(name=name, value=value, override=self._override(h)))
        return tuple(out)

    def _remove(self, s: Section) -> tuple[str, ...]:
        names = s.strs("remove_headers_config") or []
        for i, name in enumerate(names):
            if unremovable(name):
                self.r.error(s.at("remove_headers_config") + (i,), f"CloudFront does not allow removing '{name}'",
                             "a header CloudFront does not control")
            elif not _TOKEN.match(name):
                self.r.error(s.at("remove_headers_config") + (i,), f"'{name}' is not a header name")
        return tuple(names)
