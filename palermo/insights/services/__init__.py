"""The rules of insights: every read and write, permission checks and audit calls."""
