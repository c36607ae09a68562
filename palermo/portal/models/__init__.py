"""The tables of the portal, one module per concept; each is re-exported here."""
