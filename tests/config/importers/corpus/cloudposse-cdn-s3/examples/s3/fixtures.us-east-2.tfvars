region = "us-east-2"

namespace = "eg"

stage = "test"

name = "cdn"

origin_domain_name = "example.s3.us-east-2.amazonaws.com"
