"""Replay: real traffic (CloudFront access logs, HAR files, frontyard's history) through the edge's decision
path, a diff of two configurations, and a prediction of the cache on the logged timeline."""
