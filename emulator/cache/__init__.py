"""The edge cache: a bounded store, streamed fills, serving from copies, invalidation."""
