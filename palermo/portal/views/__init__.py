"""Pages of the portal: parse, call a service, render."""
