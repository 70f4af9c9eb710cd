"""What the edge sends back to the viewer: CloudFront's own pages (errors, redirects), the headers it adds and
removes on every response (the Responder), and response headers policies."""
