"""O*NET occupations: what people in a role do and which tools they use."""
