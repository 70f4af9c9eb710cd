"""viewer-request: answer from the edge while the site is in maintenance (a generated response, never cached)."""

BODY = "<!doctype html><title>Back soon</title><h1>We'll be back soon</h1>"


def handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    if request["uri"].startswith("/maintenance"):
        return {
            "status": "503",
            "statusDescription": "Service Unavailable",
            "headers": {
                "content-type": [{"key": "Content-Type", "value": "text/html; charset=utf-8"}],
                "retry-after": [{"key": "Retry-After", "value": "3600"}],
            },
            "body": BODY,
        }
    return request
