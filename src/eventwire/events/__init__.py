"""Events: the trigger lexicon and the dependency rules that turn parses into events."""
