"""Pages of the cases capability: the case itself, its persons, and the work between
agencies."""
