from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.TextChoices):
    COUNCIL = "council", _("شورای پیشرفت محله")
    COMMITTEE = "committee", _("کمیته تخصصی شورا")
    COORDINATION = "coordination", _("شورای هماهنگی")


class AttendeeKind(models.TextChoices):
    MEMBER = "member", _("عضو شورا")
    STAFF = "staff", _("کارکنان دفتر")
    GUEST = "guest", _("مهمان")


class Status(models.TextChoices):
    OPEN = "open", _("در انتظار اقدام")
    IN_PROGRESS = "in_progress", _("در حال انجام")
    DONE = "done", _("انجام شد")
    NOT_DONE = "not_done", _("انجام نشد")


# Statuses still waiting on the responsible body: only these can be overdue.
PENDING = (Status.OPEN, Status.IN_PROGRESS)
