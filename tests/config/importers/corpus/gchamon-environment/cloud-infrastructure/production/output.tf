output "website_bucket" {
  value = module.production_environment.website_bucket
}
