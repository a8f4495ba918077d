"""Source adapters: a shop platform's payloads to our schemas, and their signature checks."""
