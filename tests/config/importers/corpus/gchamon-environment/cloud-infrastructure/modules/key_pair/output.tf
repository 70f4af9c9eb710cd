output "key_pair" {
  value = local.key_pair
}
