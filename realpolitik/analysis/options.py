"""The choices analyses accept, shared by the CLI and the web API so both validate them alike."""
from __future__ import annotations

import enum


class Weight(str, enum.Enum):
    events = "events"
    mentions = "mentions"


class Freq(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"


class Level(str, enum.Enum):
    country = "country"
    code = "code"


class Horizon(str, enum.Enum):
    d1 = "1d"
    d7 = "7d"
    d30 = "30d"
