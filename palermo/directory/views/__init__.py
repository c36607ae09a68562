"""Pages of the partner directory: the searchable list and its exports, one organisation
with what we have done with it, and its contacts and agreements."""
