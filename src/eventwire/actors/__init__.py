"""Actors: who is who (knowledge base) and how a mention in text resolves to an actor."""
