"""Pure-Python screening engine: no Django imports, so it can run and be tested anywhere."""
