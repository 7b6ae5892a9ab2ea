"""Evaluation: score the coder against gold-coded sentences."""
