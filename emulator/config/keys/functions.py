"""Keys of functions, Lambda@Edge functions, key groups, `emulator:` and the local overlay."""

from __future__ import annotations

from emulator.config.keys.access import EMULATOR_AWS
from emulator.config.keys.base import _B, _I, _M, _N, _S, Key

FUNCTION: tuple[Key, ...] = (
    Key("runtime", _S, "cloudfront-js-1.0", "`cloudfront-js-1.0` or `cloudfront-js-2.0`.", "FunctionConfig.Runtime",
        "FunctionConfig.Runtime", "runtime"),
    Key("code", _S, None, "The function's .js file, relative to the config (required unless `inline_code`).",
        "FunctionCode", "FunctionCode", "code"),
    Key("inline_code", _S, "none", "The code itself, as a template's FunctionCode; never with `code`.",
        "FunctionCode", "FunctionCode", "code"),
    Key("key_value_store", _S, "none", "A JSON file of the associated KeyValueStore's data (cloudfront-js-2.0); the "
        "file's name without its extension is the id `cf.kvs(id)` may name.",
        "FunctionConfig.KeyValueStoreAssociations", "FunctionConfig.KeyValueStoreAssociations",
        "key_value_store_associations"),
)

LAMBDA_FUNCTION: tuple[Key, ...] = (
    Key("runtime", _S, None, "nodejs18.x ... nodejs24.x, python3.9 ... python3.14 (required).", "",
        "Runtime", "runtime"),
    Key("code", _S, None, "The folder or file holding the handler (required).", "", "Code", "filename"),
    Key("handler", _S, "index.handler", "`module.function`; a Python folder defaults to "
        "`lambda_function.lambda_handler`, a file to `<file>.handler`.", "", "Handler", "handler"),
    Key("timeout", _N, "3", "Seconds: at most 5 on viewer events, 30 on origin events.", "", "Timeout", "timeout"),
    Key("memory_size", _I, "128", "MB: at most 128 on viewer events, 10,240 on origin events.", "", "MemorySize",
        "memory_size"),
    Key("description", _S, "none", "Free text.", "", "Description", "description"),
)

KEY_GROUP: tuple[Key, ...] = (
    Key("public_keys", "list of mappings", None, "The group's public keys (required; see `public_keys[]`).",
        "KeyGroupConfig.Items", "KeyGroupConfig.Items", "items"),
    Key("comment", _S, "none", "Free text.", "KeyGroupConfig.Comment", "KeyGroupConfig.Comment", "comment"),
)

PUBLIC_KEY: tuple[Key, ...] = (
    Key("id", _S, None, "The id signers send as Key-Pair-Id (required).", "PublicKey.Id", "Id (attribute)", "id"),
    Key("pem", _S, None, "A PEM file of the public key; exactly one of `pem` and `encoded_key`.", "", "", ""),
    Key("encoded_key", _S, None, "The PEM text itself.", "PublicKeyConfig.EncodedKey", "EncodedKey", "encoded_key"),
    Key("comment", _S, "none", "Free text.", "PublicKeyConfig.Comment", "Comment", "comment"),
    Key("name", _S, "none", "The key's name.", "PublicKeyConfig.Name", "Name", "name"),
)

EMULATOR: tuple[Key, ...] = (
    Key("listen", _M, "see `emulator.listen`", "Listen addresses (see `emulator.listen`)."),
    Key("resolve", "mapping of name to address", "{}", "Like curl --resolve: connect to `host:port` (or `self`, "
        "this emulator's HTTP listener) and keep the name for Host, SNI and the certificate check."),
    Key("pop", _S, "LCL50-C1", "The X-Amz-Cf-Pop value."),
    Key("edge_id", _S, "e0f1a2b3c4d5e6f708192a3b4c5d6e7f", "The hex in `Via: 1.1 <edge_id>.cloudfront.net "
        "(CloudFront)`: 1 to 64 lower-case hex digits."),
    Key("debug", _M, "{}", "Debug output (see `emulator.debug`)."),
    Key("access_log", "boolean or mapping", "true", "The access log on stderr, or {console, file, format} for "
        "CloudFront's standard format in a file."),
    Key("viewer", _M, "Seattle, US", "CloudFront-Viewer-* values (see `emulator.viewer`)."),
    Key("state_dir", _S, "$FRONTYARD_STATE_DIR or ~/.frontyard", "Where the local CA lives."),
    Key("cache", _M, "see `emulator.cache`", "The edge cache (see `emulator.cache`)."),
    Key("key_pairs", _M, "{}", "Legacy `trusted_signers`' CloudFront key pairs per account (`self` or a 12-digit "
        "id): lists of {id, pem}."),
    Key("history", _I, "500", "Requests the inspector keeps with their whole trace (0 keeps none)."),
    Key("websocket_idle_timeout", "number", "600", "Seconds, 0-86400, a WebSocket connection stays open without a "
        "byte from the origin to the viewer (CloudFront's idle timeout for WebSocket connections is 10 minutes; 0 "
        "never closes)."),
    Key("server", _S, "lean", "The viewer listeners' HTTP/1 server: lean (an asyncio protocol on a C parser, the "
        "fast one) or aiohttp (aiohttp's web server). Both answer alike; see the performance page."),
    *EMULATOR_AWS,
)

LISTEN: tuple[Key, ...] = (
    Key("http", _S, "127.0.0.1:8080", "The HTTP listener, host:port."),
    Key("https", "string or false", "127.0.0.1:8443", "The HTTPS listener; false turns it off."),
    Key("admin", "string or false", "127.0.0.1:9901", "The admin listener (inspector, health, cache); false "
        "turns it off."),
)

DEBUG: tuple[Key, ...] = (
    Key("trace_header", _B, "false", "Add X-Frontyard-Trace to every response."),
)

ACCESS_LOG: tuple[Key, ...] = (
    Key("console", _B, "true", "One line per request on stderr."),
    Key("file", _S, "none", "Also write CloudFront's standard access log format to this file."),
    Key("format", _S, "standard", "`standard` (CloudFront's tab-separated standard access log)."),
)

_GEO = (("country", "US"), ("country_name", "United States"), ("country_region", "WA"),
        ("country_region_name", "Washington"), ("city", "Seattle"), ("postal_code", "98101"),
        ("time_zone", "America/Los_Angeles"), ("latitude", "47.60620"), ("longitude", "-122.33210"),
        ("metro_code", "819"), ("asn", "16509"))
VIEWER: tuple[Key, ...] = tuple(
    Key(name, _S, default, f"The viewer's {name.replace('_', ' ')}, sent as CloudFront-Viewer-"
        f"{'-'.join(p.upper() if p == 'asn' else p.capitalize() for p in name.split('_'))}.")
    for name, default in _GEO
)

CACHE: tuple[Key, ...] = (
    Key("enabled", _B, "true", "false: a pure pass-through, nothing stored."),
    Key("max_bytes", "byte count", "256MiB", "The store's bound (least recently used out first); like 268435456, "
        "'256MiB' or '64MB'."),
    Key("max_object_bytes", "byte count", "16MiB", "Larger objects pass through uncached; at most max_bytes."),
)

OVERLAY: tuple[Key, ...] = (
    Key("parameters", _M, "{}", "CloudFormation parameters, Terraform variables and deploy-time values by name."),
    Key("origins", _M, "{}", "Local wiring per origin, by origin id or domain name (see `origins.NAME`)."),
    Key("key_value_stores", _M, "{}", "A KeyValueStore's data file, by store name."),
    Key("unmapped_origins", _S, "internet", "`internet` (connect to the real name) or `\"502\"` (answer 502 "
        "saying the origin is not mapped)."),
    Key("emulator", _M, "{}", "frontyard's own settings, as under `emulator`."),
    Key("lambda_functions", _M, "{}", "Lambda@Edge code and settings by function name; they win over the "
        "source's."),
)

OVERLAY_ORIGIN: tuple[Key, ...] = (
    Key("resolve", _S, "none", "Connect to this host:port; Host and SNI keep the origin's name."),
    Key("mock", _M, "none", "Serve the origin with a built-in mock (as `mock` on an origin)."),
    Key("domain_name", _S, "the source's", "Supplies a name the source cannot know before deploying (without it, an "
        "origin mapped by id whose name only a deployment knows is reached as `ID.origin.invalid`)."),
)
