import cf from 'cloudfront';

// A redirect table kept in a KeyValueStore: change redirects without republishing the function.
const kvs = cf.kvs();

async function handler(event) {
    const request = event.request;
    let rule;
    try {
        rule = await kvs.get(request.uri, { format: 'json' });
    } catch (err) {
        return request; // no entry for this path: get() rejects for a missing key
    }
    const descriptions = { 301: 'Moved Permanently', 302: 'Found' };
    return {
        statusCode: rule.status,
        statusDescription: descriptions[rule.status],
        headers: { location: { value: rule.to } }
    };
}
