// HTTP basic auth in front of a staging site. The expected header is precomputed:
// 'Basic ' + base64('admin:s3cret'). Keep real credentials out of code (2.0 + KeyValueStore).
var EXPECTED = 'Basic YWRtaW46czNjcmV0';

function handler(event) {
    var auth = event.request.headers.authorization;
    if (auth && auth.value === EXPECTED) {
        return event.request;
    }
    return {
        statusCode: 401,
        statusDescription: 'Unauthorized',
        headers: { 'www-authenticate': { value: 'Basic realm="staging", charset="UTF-8"' } }
    };
}
