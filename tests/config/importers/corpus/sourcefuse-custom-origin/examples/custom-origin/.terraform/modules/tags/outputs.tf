output "extra_tags" {
  value = var.extra_tags
}

output "tags" {
  value = local.tags
}
