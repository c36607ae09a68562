"""The public portal: information pages, reporting a suspicion, public statistics and public
notices, served without sign-in from its own URL space and templates."""
