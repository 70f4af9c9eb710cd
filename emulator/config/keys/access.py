"""Keys of origin access: origin access controls, and the AWS identity origin requests are signed with."""

from __future__ import annotations

from emulator.config.keys.base import _M, _S, Key

ORIGIN_ACCESS_CONTROL: tuple[Key, ...] = (
    Key("name", _S, "the key", "A name to identify it, up to 64 characters.", "Name", "Name", "name"),
    Key("signing_behavior", _S, "always", "`always` (sign every origin request, replacing a viewer's "
        "Authorization), `no-override` (sign unless the viewer's Authorization is forwarded) or `never`.",
        "SigningBehavior", "SigningBehavior", "signing_behavior"),
    Key("signing_protocol", _S, "sigv4", "`sigv4`, the only protocol.", "SigningProtocol", "SigningProtocol",
        "signing_protocol"),
    Key("origin_type", _S, "s3", "`s3`, `lambda`, `mediastore` or `mediapackagev2`: the SigV4 service signed "
        "for.", "OriginAccessControlOriginType", "OriginAccessControlOriginType", "origin_access_control_origin_type"),
    Key("description", _S, "none", "Free text.", "Description", "Description", "description"),
)

AWS_CREDENTIALS: tuple[Key, ...] = (
    Key("access_key_id", _S, "$AWS_ACCESS_KEY_ID, else a fixed local key", "The access key origin requests are "
        "signed with (an origin access control's SigV4 signature)."),
    Key("secret_access_key", _S, "$AWS_SECRET_ACCESS_KEY", "Its secret."),
    Key("session_token", _S, "$AWS_SESSION_TOKEN", "A session token, for temporary credentials."),
)

EMULATOR_AWS: tuple[Key, ...] = (
    Key("account_id", _S, "123456789012", "The AWS account of the distributions: their ARNs "
        "(arn:aws:cloudfront::ACCOUNT:distribution/ID) are the aws:SourceArn a bucket policy sees."),
    Key("aws_credentials", _M, "the environment's", "Credentials origin requests are signed with (see "
        "`emulator.aws_credentials`); a local overlay is the place for them."),
)
