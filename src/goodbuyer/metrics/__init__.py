"""Read-side numbers for the dashboard and reports."""
