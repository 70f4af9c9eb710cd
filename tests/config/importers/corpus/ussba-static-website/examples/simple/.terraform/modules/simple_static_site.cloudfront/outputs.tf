output "distribution" {
  value = aws_cloudfront_distribution.distribution
}
