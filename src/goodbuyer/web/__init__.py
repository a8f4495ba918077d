"""HTTP plumbing shared by every feature: request dependencies, problem+json, pages."""
