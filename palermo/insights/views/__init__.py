"""Pages of insights: parse, call a service, render."""
