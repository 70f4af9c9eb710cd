// origin-response: add security headers once per cache fill; the cached copy carries them.
'use strict';

const HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

exports.handler = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  for (const [name, value] of Object.entries(HEADERS)) {
    response.headers[name] = [{ key: name.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()), value }];
  }
  callback(null, response);
};
