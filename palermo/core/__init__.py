"""What every capability shares and none owns: no models, no URLs. It imports no capability;
the versioned write leans on the audit log, as every change does."""
