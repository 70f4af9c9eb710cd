#terraform {
#  backend "s3" {
#    bucket = "your-bucket-name"
#    key    = "your-tfstate-file-name"
#    region = "your-region"
#  }
#}
