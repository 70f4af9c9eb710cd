// Redirect every alias to the canonical host, keeping path and query string (301, cacheable by browsers).
var CANONICAL = 'www.example.com';

function handler(event) {
    var request = event.request;
    var host = request.headers.host ? request.headers.host.value : '';
    if (host === CANONICAL) {
        return request;
    }
    var query = [];
    for (var name in request.querystring) {
        var field = request.querystring[name];
        var values = field.multiValue ? field.multiValue : [field];
        for (var i = 0; i < values.length; i++) {
            query.push(name + '=' + values[i].value);
        }
    }
    var location = 'https://' + CANONICAL + request.uri + (query.length ? '?' + query.join('&') : '');
    return {
        statusCode: 301,
        statusDescription: 'Moved Permanently',
        headers: { location: { value: location } }
    };
}
