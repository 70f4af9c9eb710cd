// origin-request: API Gateway serves /users, the site calls /api/users. Strip the prefix before the origin,
// once per cache miss (a CloudFront Function would do it on every request, cached or not).
'use strict';

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/api' || request.uri.startsWith('/api/')) {
    request.uri = request.uri.slice('/api'.length) || '/';
  }
  return request;
};
