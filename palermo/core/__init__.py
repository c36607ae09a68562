"""What every capability shares and none owns: no models, no URLs; imports no capability."""
