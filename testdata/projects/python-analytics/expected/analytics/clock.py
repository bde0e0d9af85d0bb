"""Time stamps for reports."""
from datetime import datetime, timezone
import logging

log = logging.getLogger(__name__)


def stamp():
    now = datetime.now(timezone.utc)
    logging.warning("stamping at %s", now)
    return now.isoformat()


def from_epoch(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc)
