"""Pages of the notices capability: notices and their review, travel alerts, diffusions and
the INTERPOL-format import."""
