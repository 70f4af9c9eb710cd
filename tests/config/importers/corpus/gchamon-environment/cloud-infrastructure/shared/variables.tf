variable "aws_region" {}

variable "project_name" {
  default = "devops-challenge"
}

variable "zone_name" {}
