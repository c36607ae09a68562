"""The rules of the partner directory, by concept: ``organisations`` (search, create, change,
the audited read of a page with contacts), ``contacts``, ``agreements`` (with renewal
reminders), ``activity`` (what we have done with an organisation, from other capabilities'
services and from providers they register) and ``exports`` (vCard 4.0 and CSV)."""
