prefix      = "oozou"
environment = "devops"
name        = "demo"
custom_tags = {
  "Remark" = "terraform-aws-cloudfront-example"
}
