"""origin-request: the same /api prefix strip as strip-api-prefix-node, in Python."""


def lambda_handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    uri = request["uri"]
    if uri == "/api" or uri.startswith("/api/"):
        request["uri"] = uri[len("/api"):] or "/"
    return request
