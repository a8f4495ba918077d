"""Identity resolution: who is who across orders, addresses, phones and e-mails."""
