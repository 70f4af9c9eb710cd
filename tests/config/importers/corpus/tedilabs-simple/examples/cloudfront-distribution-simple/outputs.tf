output "distribution" {
  value = module.distribution
}
