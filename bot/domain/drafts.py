"""What every guided draft holds (where, photos, a location) and the kinds of step a flow is
declared with; the engine is bot/handlers/drafts.py.

A draft is stored as the JSON data of its conversation row; `load` reads back only the
fields the draft knows (a field added or dropped since a draft was stored is ignored).
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Self

from bot.domain.reports import MAX_PHOTOS

# The steps the engine itself knows how to ask; a flow names its other steps freely.
REGION_STEP = "region"
PHOTO_STEP = "photo"
LOCATION_STEP = "location"
SUMMARY_STEP = "summary"


class StepKind(StrEnum):
    REGION = "region"  # the region picker, or a region's name or code typed
    CHOICE = "choice"  # one of the card's buttons, or a button's name typed
    TEXT = "text"  # a typed answer, read by the step
    PHOTOS = "photos"  # photos one by one, then Done (or Skip)
    LOCATION = "location"  # a shared location or typed coordinates (skip words skip it)
    SUMMARY = "summary"  # the whole draft: Send, and buttons to add or change


@dataclass
class DraftFields:
    region: str | None = None
    photos: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def load(cls, data: dict[str, Any]) -> Self:
        # A deep copy: mutating the loaded JSON in place would hide the change from the ORM.
        known = {k: copy.deepcopy(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def dump(self) -> dict[str, Any]:
        return asdict(self)

    def add_photo(self, file_id: str) -> bool:
        """Attach a photo; False (nothing attached) when the draft already has the most."""
        if len(self.photos) >= MAX_PHOTOS:
            return False
        self.photos.append(file_id)
        return True

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None
