"""HTTP plumbing every route shares: middleware, listing, ETags, limits, the contract."""
