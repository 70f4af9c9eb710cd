#provider "aws" {
#  region = "your-region"
#}
