"""Builders for directory tests: the directory index, organisations with services, assets."""

import datetime
from decimal import Decimal

from directory.models import (
    AssetHours,
    AssetPage,
    AssetType,
    DirectoryIndexPage,
    NGOApplicationPage,
    OrganizationPage,
    OrganizationService,
)


def add_directory(tree):
    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها و خیریه‌ها", slug="directory"))
    directory.save_revision().publish()
    application = directory.add_child(instance=NGOApplicationPage(title="درخواست عضویت در فهرست", slug="apply"))
    application.save_revision().publish()
    tree.directory = directory
    tree.application_page = application
    return directory


def add_organization(directory, title, neighborhoods, services=(), publish=True, **fields):
    slug = fields.pop("slug", None) or f"org-{OrganizationPage.objects.count() + 1}"
    page = OrganizationPage(title=title, slug=slug, live=publish, **fields)
    page.services = [
        OrganizationService(sort_order=number, **service) for number, service in enumerate(services)
    ]
    page.neighborhoods = list(neighborhoods)
    directory.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def service(name="مشاوره خانواده", category="counselling", target_group="families", cost_rials=None, **extra):
    return {"name": name, "category": category, "target_group": target_group, "cost_rials": cost_rials, **extra}


def asset_type(slug="mosque"):
    return AssetType.objects.get(slug=slug)


def add_asset(neighborhood, title, kind="mosque", latitude="34.091700", longitude="49.689200", hours=True, **fields):
    page = AssetPage(
        title=title,
        slug=fields.pop("slug", None) or f"asset-{AssetPage.objects.count() + 1}",
        asset_type=asset_type(kind),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        **fields,
    )
    if hours:
        page.opening_hours = [
            AssetHours(sort_order=0, weekday=0, opens=datetime.time(8), closes=datetime.time(20)),
            AssetHours(sort_order=1, weekday=6, closed=True),
        ]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page
