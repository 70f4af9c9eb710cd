// Strip the /api prefix so /api/users/7 reaches the API origin as /users/7.
// The cache behavior (/api/*) was chosen from the original URI; CloudFront does not re-select it.
function handler(event) {
    var request = event.request;
    if (request.uri === '/api' || request.uri.indexOf('/api/') === 0) {
        request.uri = request.uri.substring(4) || '/';
    }
    return request;
}
