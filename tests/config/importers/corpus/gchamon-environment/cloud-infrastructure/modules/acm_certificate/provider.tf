provider "aws" {
  alias  = "provider"
  region = var.aws_region
}
