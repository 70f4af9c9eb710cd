// SPA URL rewrite, done right: only extension-less paths go to /index.html, so a missing
// /app.js still gets the origin's 404 instead of a 200 HTML page the browser cannot run.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
    if (lastSegment.indexOf('.') === -1) {
        request.uri = '/index.html';
    }
    return request;
}
