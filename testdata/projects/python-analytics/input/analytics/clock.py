"""Time stamps for reports."""
from datetime import datetime
import logging

log = logging.getLogger(__name__)


def stamp():
    now = datetime.utcnow()
    logging.warn("stamping at %s", now)
    return now.isoformat()


def from_epoch(seconds):
    return datetime.utcfromtimestamp(seconds)
