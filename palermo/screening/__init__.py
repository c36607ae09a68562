"""Screening: checking people and documents against what Palermo knows."""
