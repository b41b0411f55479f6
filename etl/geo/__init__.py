"""Geo stage: an Arabic gazetteer and a geoparser that finds place names in Arabic text and places them."""
