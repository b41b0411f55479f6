"""Event coding: Arabic sentences to PLOVER / CAMEO / ACLED events with actors, places, dates and tolls."""
