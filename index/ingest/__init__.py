"""Turn the raw course listings into validated :class:`index.schema.Course` records."""
