variable "domain" {
  description = "The domain name to use when deploying the CloudFront distribution"
  type        = string
  default     = "terraform-aws-modules.modules.tf"
}
