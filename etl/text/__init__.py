"""Text stage: Arabic script checks, normalization and digits, shared by every later stage."""
