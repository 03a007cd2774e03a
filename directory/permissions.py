"""Who may work on the directory.

The directory lives outside every neighbourhood's subtree, so neighbourhood staff get «add» on it:
in Wagtail that lets them create drafts and edit the pages they own (the listings they made from
their applications), but neither edit other organisations nor publish. Publishing belongs to the
directory's editors (and superusers), through the normal workflow.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage, ProvincePage
from neighborhoods.permissions import ensure_coordinator_group, ensure_staff_group

EDITORS_GROUP = "ویراستاران فهرست سمن‌ها"
EDITOR_PERMISSIONS = ["add_page", "change_page", "publish_page"]
REVIEW_WORKFLOW = "بازبینی فهرست سمن‌ها"


def _grant(group, page, codenames):
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _verify_permission():
    return Permission.objects.get(content_type__app_label="directory", codename="verify_organization")


def grant_drafts(group, directory):
    _grant(group, directory, ["add_page"])
    # Staff check applications, so they may mark a listing verified; the NGO's own account may not.
    group.permissions.add(_verify_permission())


def ensure_editors_group(directory):
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    _grant(group, directory, EDITOR_PERMISSIONS)
    group.permissions.add(_verify_permission())
    ensure_review_workflow(directory, group)
    return group


def ensure_review_workflow(directory, editors):
    """Changes submitted for moderation in the directory (staff drafts, NGOs' own edits) go to the editors."""
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created:
        task = GroupApprovalTask.objects.create(name="تأیید ویراستاران فهرست")
        task.groups.set([editors])
        # Saved directly: the cluster's own manager would keep the row in memory until workflow.save().
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


def grant_all_staff(directory):
    """Staff of every neighbourhood and coordinators of every province may draft in ``directory``."""
    ensure_editors_group(directory)
    for neighborhood in in_default_language(NeighborhoodPage.objects.all()):
        grant_drafts(ensure_staff_group(neighborhood), directory)
    for province in in_default_language(ProvincePage.objects.all()):
        grant_drafts(ensure_coordinator_group(province), directory)
