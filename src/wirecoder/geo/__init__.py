"""Geolocation: an offline gazetteer (gazetteer.py, build.py), toponym recognition (recognize.py) and
resolution in context plus event location (resolve.py)."""

from wirecoder.geo.gazetteer import Candidate, Gazetteer, build_from_geonames
from wirecoder.geo.resolve import Geoparser, geoparse

__all__ = ["Candidate", "Gazetteer", "Geoparser", "build_from_geonames", "geoparse"]
