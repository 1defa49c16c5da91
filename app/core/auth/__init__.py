"""Who is calling: API keys and the roles routes require."""
