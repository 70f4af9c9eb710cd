variable "aws_region" {}

variable "project_name" {
  default = "devops-challenge"
}

variable "domain_name" {}

variable "environment_name" {}
