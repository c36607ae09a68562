"""The audit log is deliberately absent from the Django admin.

The admin opens to any superuser, and being a superuser grants no Palermo permission: the
log is read only on the auditor's page and API, which need ``audit.view`` from a role (see
docs/security.md). Registering ``AuditEvent`` here would show every entry to superusers.
"""
