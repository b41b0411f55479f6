"""What analysts take out of the events database: exports, a map, a weekly chart, the data dictionary."""
