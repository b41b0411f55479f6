"""Marsad: Arabic news feeds to an events database."""

__version__ = "0.1.0"
