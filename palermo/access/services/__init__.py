"""The rules of access: agencies, users, roles, tokens, second factor.

Split by concept; callers import the module they need, e.g.
``from palermo.access.services import users``.
"""
