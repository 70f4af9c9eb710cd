output "website_bucket" {
  value = module.s3_bucket_static.bucket.bucket
}
