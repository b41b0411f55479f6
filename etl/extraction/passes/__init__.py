"""The event coder's passes, one step each; etl.extraction.coder assembles them."""
