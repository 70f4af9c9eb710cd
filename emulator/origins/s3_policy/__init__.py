"""S3 bucket policies: the IAM policy document a bucket carries, and how S3 decides a request with it.

`parse` turns the JSON (or YAML) document into frozen statements, reporting every problem at once;
`evaluate` applies AWS's evaluation logic to one request: an explicit Deny wins, else an Allow, else the
implicit deny (IAM User Guide, "Policy evaluation logic" and "The difference between explicit and implicit
denies"). Only the resource-based policy is evaluated: the requests a CloudFront edge sends come from
CloudFront's service principal, an origin access identity, or nobody, none of which has identity policies in
the bucket's account.
"""

from emulator.origins.s3_policy.document import Policy, Statement, parse
from emulator.origins.s3_policy.evaluate import Decision, Principal, RequestContext, evaluate

__all__ = ["Decision", "Policy", "Principal", "RequestContext", "Statement", "evaluate", "parse"]
