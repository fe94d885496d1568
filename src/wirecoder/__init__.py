"""wirecoder: conflict news in, structured, geolocated, source-attributed events out."""

from wirecoder.schema import Article, Event, Extraction

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Extraction", "extract", "__version__"]


def extract(text: str, **kwargs) -> Extraction:
    """Extract every event of one article; see `wirecoder.pipeline.extract`."""
    from wirecoder.pipeline import extract as _extract

    return _extract(text, **kwargs)
