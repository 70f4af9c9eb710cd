region = "us-east-2"

namespace = "eg"

stage = "test"

name = "cdn"

origin_domain_name = "origin.example.com"
