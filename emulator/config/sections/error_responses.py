"""Loading a distribution's custom error responses (AWS: "Generate custom error responses")."""

from __future__ import annotations

from emulator.config import keys as config_keys
from emulator.config import rules
from emulator.config.model import CustomErrorResponse
from emulator.config.reader import Report, Section


def load_error_responses(r: Report, s: Section) -> list[CustomErrorResponse]:
    """A distribution's `custom_error_responses`: which codes CloudFront lets you customise, each once."""
    out = []
    codes: set[int] = set()
    for path, raw in s.items("custom_error_responses"):
        e = Section(r, path, raw)
        e.check_keys(config_keys.names(config_keys.CUSTOM_ERROR_RESPONSE))
        codes_text = f"one of: {', '.join(map(str, rules.ERROR_CODES))}"
        if not e.has("error_code"):
            r.error(path, "missing required key 'error_code'", codes_text)
        code = e.int("error_code", 0, 400, 504, expected=codes_text)
        if code and code not in rules.ERROR_CODES:
            r.error(e.at("error_code"), f"CloudFront cannot customise {code} responses",
                         f"one of: {', '.join(map(str, rules.ERROR_CODES))}")
        if code in codes:
            r.error(e.at("error_code"), f"error code {code} is configured twice")
        codes.add(code)
        page = e.str("response_page_path")
        response_code = e.int("response_code", 0, 200, 504,
                              expected=f"one of: {', '.join(map(str, rules.RESPONSE_CODES))}") or None
        if response_code and response_code not in rules.RESPONSE_CODES:
            r.error(e.at("response_code"), f"{response_code} is not an allowed response code",
                         f"one of: {', '.join(map(str, rules.RESPONSE_CODES))}")
        if (page is None) != (response_code is None):
            r.error(path, "response_page_path and response_code must be given together")
        if page is not None and not page.startswith("/"):
            r.error(e.at("response_page_path"), f"'{page}' must start with '/'", "like /errors/404.html")
        ttl = e.int("error_caching_min_ttl", 10, 0, 31536000)
        out.append(
            CustomErrorResponse(
                error_code=code,
                response_page_path=page,
                response_code=response_code,
                error_caching_min_ttl=ttl,
                location=e.location,
            )
        )
    return out
