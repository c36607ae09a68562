"""The rules of notices, in modules by concept: ``notices`` (drafting and review),
``lifecycle`` (suspension, withdrawal, cancellation, renewal, expiry), ``diffusions``,
``travel`` (trips and travel alerts) and ``interpol`` (the public-notice format)."""
