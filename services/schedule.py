"""When digests are due: weekly or daily at a local time, computed the same in every process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


@dataclass(frozen=True)
class Schedule:
    frequency: str  # "weekly" | "daily"
    weekday: int  # 0 = Monday
    time_of_day: str  # "HH:MM"
    timezone: str  # IANA name

    @property
    def period(self) -> timedelta:
        return PERIODS[self.frequency]

    def _at(self, day: date) -> datetime:
        hour, minute = (int(x) for x in self.time_of_day.split(":"))
        return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(self.timezone))

    def last_due(self, now: datetime) -> datetime:
        """The latest scheduled moment at or before `now`, in UTC (the same in every process)."""
        local_day = now.astimezone(ZoneInfo(self.timezone)).date()
        step = 1 if self.frequency == "daily" else 7
        if self.frequency == "weekly":
            local_day -= timedelta(days=(local_day.weekday() - self.weekday) % 7)
        due = self._at(local_day)
        while due > now:
            local_day -= timedelta(days=step)
            due = self._at(local_day)
        return due.astimezone(UTC)

    def describe(self) -> str:
        """'every Monday at 09:00 (UTC)' or 'every day at 18:30 (Asia/Shanghai)'."""
        day = WEEKDAYS[self.weekday].title()
        when = "every day" if self.frequency == "daily" else f"every {day}"
        return f"{when} at {self.time_of_day} ({self.timezone})"
