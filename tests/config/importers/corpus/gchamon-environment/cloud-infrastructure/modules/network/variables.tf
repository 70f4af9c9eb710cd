variable "vpc_name" {}

variable "cidr_prefix" {}

variable "aws_region" {}
