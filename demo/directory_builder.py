"""Builds the directory demo (``demo.directory_content``) with DemoBuilder's idempotent page()."""

import datetime
from decimal import Decimal

from django.conf import settings

from directory.accounts import ensure_organization_group
from directory.apply import create_application
from directory.models import AssetHours, AssetPage, AssetType, DirectoryIndexPage, NGOApplicationPage, OrganizationPage
from directory.models import OrganizationService
from forms.models import Submission
from neighborhoods.models import NeighborhoodPage

from . import directory_content as content
from .factories import AssetPageFactory, DirectoryIndexPageFactory, NGOApplicationPageFactory, OrganizationPageFactory


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def _numbered(rows):
    for number, row in enumerate(rows):
        row.sort_order = number
    return rows


def build_directory(builder, home):
    # The Persian pages: the English translations share their slugs.
    neighborhoods = {
        page.slug: page for page in NeighborhoodPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    types = {kind.slug: kind for kind in AssetType.objects.all()}
    for slug, items in content.ASSETS.items():
        neighborhood = neighborhoods[slug]
        for item in items:
            builder.page(AssetPage, AssetPageFactory, neighborhood, asset_fields(item, neighborhood, types))
            builder.result.assets += 1
    directory = builder.page(DirectoryIndexPage, DirectoryIndexPageFactory, home, content.DIRECTORY)
    application_page = builder.page(NGOApplicationPage, NGOApplicationPageFactory, directory, content.APPLICATION_PAGE)
    for item in content.ORGANIZATIONS:
        fields = {key: value for key, value in item.items() if key not in ("neighborhoods", "services")}
        fields["neighborhoods"] = [neighborhoods[slug] for slug in item["neighborhoods"]]
        fields["services"] = _numbered([OrganizationService(**row) for row in item["services"]])
        builder.page(OrganizationPage, OrganizationPageFactory, directory, fields)
        builder.result.organizations += 1
    applications(builder, application_page, neighborhoods)
    organization_login(builder)


def organization_login(builder):
    """One NGO with its own login, to show an organisation keeping its listing current."""
    from .builder import Login

    page = OrganizationPage.objects.get(slug=content.NGO_LOGIN_ORGANIZATION)
    builder.user(content.NGO_USERNAME, [ensure_organization_group(page)], first_name=page.title[:150], is_active=True)
    builder.result.logins.append(Login(content.NGO_USERNAME, f"سازمان {page.title} (ویرایش صفحه خود، با بازبینی)"))


def asset_fields(item, neighborhood, types):
    d_lat, d_lng = item["offset"]
    fields = {key: value for key, value in item.items() if key not in ("offset", "hours", "asset_type")}
    fields["asset_type"] = types[item["asset_type"]]
    fields["latitude"] = neighborhood.latitude + Decimal(d_lat) / 1000
    fields["longitude"] = neighborhood.longitude + Decimal(d_lng) / 1000
    fields["opening_hours"] = _numbered(
        [
            AssetHours(weekday=day, closed=closed, opens=_time(opens), closes=_time(closes))
            for day, closed, opens, closes in item["hours"]
        ]
    )
    return fields


def applications(builder, page, neighborhoods):
    """The demo applications, sent once: a form page that has any submission is left alone."""
    if Submission.objects.filter(page=page).exists():
        return
    for item in content.APPLICATIONS:
        data = {key: value for key, value in item.items() if key not in ("services", "primary_neighborhood", "other_neighborhoods")}
        data.update(
            primary_neighborhood=str(neighborhoods[item["primary_neighborhood"]].pk),
            other_neighborhoods=[str(neighborhoods[slug].pk) for slug in item["other_neighborhoods"]],
            consent="on",
            website="",
            form_token="demo",
        )
        for number, (name, category, target, cost) in enumerate(item["services"], start=1):
            data.update({f"service_{number}_name": name, f"service_{number}_category": category,
                         f"service_{number}_target": target, f"service_{number}_cost": cost})
        form = page.get_form(data)
        if not form.is_valid():
            raise ValueError(f"demo application is not valid: {form.errors.as_text()}")
        create_application(page, form, token=None)
        builder.result.submissions_created += 1
