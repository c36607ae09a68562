"""Pure-Python statistics core: disclosure control, k-anonymity, charts and the GLOTIP file.
Nothing here imports Django, so it is tested and benchmarked alone."""
