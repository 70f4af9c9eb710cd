// Send visitors to their country's site. CloudFront only adds cloudfront-viewer-country when a cache
// policy or origin request policy includes it; without it the request passes through.
var SITES = { DE: '/de', FR: '/fr' };

function handler(event) {
    var request = event.request;
    var country = request.headers['cloudfront-viewer-country'];
    var prefix = country ? SITES[country.value] : undefined;
    if (!prefix || request.uri.indexOf(prefix + '/') === 0) {
        return request;
    }
    return {
        statusCode: 302,
        statusDescription: 'Found',
        headers: { location: { value: prefix + request.uri } }
    };
}
