import cf from 'cloudfront';

// Route beta testers (x-beta: 1) to the origin with ID "beta"; everyone else keeps the behavior's
// origin. The origin must exist in the distribution; the Test API does not exercise the change.
function handler(event) {
    const request = event.request;
    const beta = request.headers['x-beta'];
    if (beta && beta.value === '1') {
        cf.selectRequestOriginById('beta');
        console.log('routed to beta');
    }
    return request;
}
