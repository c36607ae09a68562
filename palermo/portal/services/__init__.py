"""The rules of the portal: every read and write, permission checks and audit calls."""
