"""Library pages: ``records`` (search, reading, adding), ``review`` (proposing and reviewing
changes, versions), ``analytics`` (sentences by charge or form of exploitation), ``bulk``
(importing a CSV with files)."""
