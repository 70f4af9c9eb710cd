// Add security headers to every response (what the managed SecurityHeadersPolicy does, in code, so
// values can be tuned). Headers the origin already set are kept.
function handler(event) {
    var response = event.response;
    var headers = response.headers;
    var wanted = {
        'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
        'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin'
    };
    for (var name in wanted) {
        if (!headers[name]) {
            headers[name] = { value: wanted[name] };
        }
    }
    return response;
}
