"""The tables of insights, one module per concept; each is re-exported here."""
