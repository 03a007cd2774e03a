"""Open data as CSV: UTF-8 with a byte-order mark so Excel shows Persian, Latin digits so
spreadsheets read numbers as numbers."""

import csv

from django.http import HttpResponse

from forms.views.export import FORMULA_START

from .choices import OrganizationKind


class SafeWriter:
    """csv.writer whose text cells can never start a spreadsheet formula (names and services come from the public)."""

    def __init__(self, response):
        self.writer = csv.writer(response)

    def writerow(self, row):
        self.writer.writerow(
            ["'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value for value in row]
        )


def _response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response


def directory_csv(organizations):
    response = _response("directory.csv")
    writer = SafeWriter(response)
    writer.writerow(
        ["organization", "kind", "registration_number", "neighborhoods", "phone", "email", "website",
         "address", "latitude", "longitude", "verified", "verified_on",
         "service", "category", "target_group", "eligibility", "cost_rials", "how_to_apply", "url"]
    )
    for org in organizations:
        base = [
            org.title,
            str(OrganizationKind(org.kind).label),
            org.registration_number,
            "؛ ".join(n.title for n in org.neighborhoods.all()),
            org.phone,
            org.email,
            org.website,
            org.address,
            org.latitude if org.latitude is not None else "",
            org.longitude if org.longitude is not None else "",
            "yes" if org.verified else "no",
            org.verified_on.isoformat() if org.verified_on else "",
        ]
        services = list(org.services.all()) or [None]
        for service in services:
            if service is None:
                writer.writerow(base + ["", "", "", "", "", "", org.full_url or ""])
                continue
            writer.writerow(
                base
                + [
                    service.name,
                    service.get_category_display(),
                    service.get_target_group_display(),
                    service.eligibility,
                    service.cost_rials or 0,
                    service.how_to_apply,
                    org.full_url or "",
                ]
            )
    return response


def assets_csv(neighborhood, assets):
    response = _response(f"assets-{neighborhood.slug}.csv")
    writer = SafeWriter(response)
    writer.writerow(
        ["asset", "type", "ownership", "address", "phone", "latitude", "longitude", "capacity",
         "can_host_programmes", "facilities", "accessibility", "opening_hours", "url"]
    )
    for asset in assets:
        writer.writerow(
            [
                asset.title,
                asset.asset_type.label,
                asset.get_ownership_display(),
                asset.address,
                asset.phone,
                asset.latitude if asset.latitude is not None else "",
                asset.longitude if asset.longitude is not None else "",
                asset.capacity if asset.capacity is not None else "",
                "yes" if asset.can_host_programmes else "no",
                "؛ ".join(asset.facility_list),
                asset.accessibility,
                "؛ ".join(str(row) for row in asset.sorted_hours()),
                asset.full_url or "",
            ]
        )
    return response
