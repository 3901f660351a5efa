"""The domain's vocabulary: the enumerations stored in the database and used by every layer.

They live in the domain so that `bot/domain` never imports storage; `storage.models` uses
them for its columns.
"""

from __future__ import annotations

from enum import StrEnum


class RegionLevel(StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"
    DISTRICT = "district"
    VILLAGE = "village"


LEVEL_DEPTH = {
    RegionLevel.PROVINCE: 1,
    RegionLevel.REGENCY: 2,
    RegionLevel.DISTRICT: 3,
    RegionLevel.VILLAGE: 4,
}


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    OFFICER = "officer"


class ReportState(StrEnum):
    READY = "ready"  # Siap
    PARTIAL = "partial"  # Sebagian
    NOT_READY = "not_ready"  # Belum siap


class ReportStatus(StrEnum):
    ACTIVE = "active"
    CORRECTED = "corrected"  # replaced by a later report that names it in `corrects_id`
    WITHDRAWN = "withdrawn"


class Severity(StrEnum):
    LOW = "rendah"
    MEDIUM = "sedang"
    HIGH = "tinggi"
    CRITICAL = "kritis"


class AthgClass(StrEnum):
    THREAT = "ancaman"
    DISTURBANCE = "gangguan"
    OBSTACLE = "hambatan"
    CHALLENGE = "tantangan"


class IncidentStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


OPEN_INCIDENT_STATUSES = (
    IncidentStatus.NEW.value,
    IncidentStatus.ACKNOWLEDGED.value,
    IncidentStatus.IN_PROGRESS.value,
)


class SupportStatus(StrEnum):
    OPEN = "open"  # asked, nobody took it yet
    TAKEN = "taken"  # 🤝 Sanggup
    IN_PROGRESS = "in_progress"  # 🛠 Dalam proses
    DONE = "done"  # ✔️ Selesai
    CANCELLED = "cancelled"  # nobody left to ask, or withdrawn


OPEN_SUPPORT_STATUSES = (
    SupportStatus.OPEN.value,
    SupportStatus.TAKEN.value,
    SupportStatus.IN_PROGRESS.value,
)
