"""The one-shot seeding step of the s3-moto example: an IAM user with s3:* and its access key, the bucket, the
site's files uploaded with that key, and the key written as an env file for the edge.

moto's server checks every request's signature once its first N actions are used up (POST
/moto-api/reset-auth sets N); the three IAM calls here are those N, so everything after them, the edge's
requests included, must be signed with the key created here.

    python seed.py --endpoint http://store:5000 --site site --env-out /seed/aws.env
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import urllib.request
from pathlib import Path

import boto3

BUCKET = "site-bucket"
REGION = "us-east-1"


def _moto_api(endpoint: str, path: str, body: bytes) -> None:
    request = urllib.request.Request(f"{endpoint}/moto-api/{path}", data=body, method="POST",
                                     headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(request, timeout=10).read()


def seed(endpoint: str, site: Path, env_out: Path) -> tuple[str, str]:
    _moto_api(endpoint, "reset", b"")  # a re-run starts from an empty store
    _moto_api(endpoint, "reset-auth", b"3")
    iam = boto3.client("iam", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="seed",
                       aws_secret_access_key="seed")
    iam.create_user(UserName="frontyard-edge")
    key = iam.create_access_key(UserName="frontyard-edge")["AccessKey"]
    iam.put_user_policy(UserName="frontyard-edge", PolicyName="read-site", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=key["AccessKeyId"],
                      aws_secret_access_key=key["SecretAccessKey"])
    s3.create_bucket(Bucket=BUCKET)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        ctype = mimetypes.guess_type(path.name)[0] or "binary/octet-stream"
        s3.put_object(Bucket=BUCKET, Key=path.relative_to(site).as_posix(), Body=path.read_bytes(),
                      ContentType=ctype)
    env_out.write_text(f"AWS_ACCESS_KEY_ID={key['AccessKeyId']}\nAWS_SECRET_ACCESS_KEY={key['SecretAccessKey']}\n")
    return key["AccessKeyId"], key["SecretAccessKey"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default="http://store:5000")
    parser.add_argument("--site", type=Path, default=Path(__file__).parent / "site")
    parser.add_argument("--env-out", type=Path, default=Path("/seed/aws.env"))
    args = parser.parse_args()
    access_key, _ = seed(args.endpoint, args.site, args.env_out)
    print(f"seeded s3://{BUCKET} at {args.endpoint}; the edge signs with {access_key} ({args.env_out})")
