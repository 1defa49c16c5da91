"""What every plan-content resource shares: loading, writing, audit, refs."""
