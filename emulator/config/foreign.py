"""Names from Terraform, CloudFormation and the CloudFront API, recognised so that a frontyard YAML config
with one pasted in gets "that is X's name; here it is Y" instead of a misleading "did you mean". (Whole
templates, API JSON and Terraform are read by the importers, config/importers/.)
"""

from __future__ import annotations

# key -> (whose name it is, frontyard's name for it)
KEYS: dict[str, tuple[str, str]] = {
    **{k: ("Terraform's", v) for k, v in {
        "origin": "origins", "origin_id": "id", "ordered_cache_behavior": "cache_behaviors",
        "custom_error_response": "custom_error_responses", "custom_origin_config": "custom_origin",
        "function_association": "function_associations", "cache_policy_id": "cache_policy",
        "origin_request_policy_id": "origin_request_policy", "function_arn": "function_associations",
        "origin_protocol_policy": "protocol_policy", "http_port": "http_port", "https_port": "https_port",
    }.items()},
    **{k: ("the CloudFront API's / CloudFormation's", v) for k, v in {
        "Origins": "origins", "Id": "id", "DomainName": "domain_name", "OriginPath": "origin_path",
        "DefaultCacheBehavior": "default_cache_behavior", "CacheBehaviors": "cache_behaviors",
        "Aliases": "aliases", "DefaultRootObject": "default_root_object", "PathPattern": "path_pattern",
        "TargetOriginId": "target_origin_id", "ViewerProtocolPolicy": "viewer_protocol_policy",
        "AllowedMethods": "allowed_methods", "CachedMethods": "cached_methods", "CachePolicyId": "cache_policy",
        "OriginRequestPolicyId": "origin_request_policy", "CustomErrorResponses": "custom_error_responses",
        "FunctionAssociations": "function_associations", "CustomOriginConfig": "custom_origin",
        "CustomHeaders": "custom_headers", "ErrorCode": "error_code", "ResponsePagePath": "response_page_path",
        "ResponseCode": "response_code",
    }.items()},
}

def foreign_key(key: str, known: list[str]) -> str | None:
    """The message for a key that is another tool's name for one of `known`, else None."""
    hit = KEYS.get(key)
    if hit is None or hit[1] not in known:
        return None
    whose, ours = hit
    if ours == key:
        return None
    return f"'{key}' is {whose} name for it; in frontyard's YAML it is '{ours}'"

