"""The parts of bench/lighthouse.sh that are easier in Python.

    lighthouse_site.py createdb | dropdb        the database of DATABASE_URL (emptied when it exists)
    lighthouse_site.py pages                    "name path" of the pages measured, one per line (a heavy news
                                                item is built for it: rich_news())
    lighthouse_site.py nginx WORK APP PORT      an nginx.conf running site/'s configuration from WORK
    lighthouse_site.py report FOLDER < pages    the scores and failing audits of FOLDER/<name>.json
"""

import json
import os
import pathlib
import re
import subprocess
import sys

from front_cache import block

REPO = pathlib.Path(__file__).resolve().parent.parent
SITE = REPO / "site"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def database(action):
    import dj_database_url
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(dbname="postgres", user=db["USER"], password=db["PASSWORD"] or None,
                         host=db["HOST"] or None, port=db["PORT"] or None, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db["NAME"])))
        if action == "createdb":
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    if action == "createdb":
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


def pages():
    import django

    sys.path.insert(0, str(REPO))
    django.setup()
    from forms.models import ParticipationFormPage
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage
    from news.models import NewsPage
    from programmes.models import ProgramPage

    def first(model):
        page = model.objects.live().public().filter(locale__language_code="fa").order_by("path").first()
        return page.url

    print("home /")
    print("neighbourhoods", first(NeighborhoodIndexPage))
    print("neighbourhood", first(NeighborhoodPage))
    print("news", first(NewsPage))
    print("rich-news", rich_news().url)
    print("programme", first(ProgramPage))
    print("form", first(ParticipationFormPage))


def rich_news():
    """A news item as heavy as an office makes them: a 20-picture gallery, three documents, an Aparat video
    with a still, paragraphs and a picture; built in the first neighbourhood's news, its renditions made as
    publishing's task would make them."""
    from content import build
    from demo.documents import demo_document
    from demo.images import collection_named, demo_image
    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.filter(locale__language_code="fa", depth__gt=4).order_by("path").first()
    neighbourhood = index.get_parent()
    existing = NewsPage.objects.child_of(index).filter(slug="rich-news").first()
    if existing:
        return existing
    collection = collection_named(neighbourhood.title)
    shots = [demo_image(f"عکس گزارش {n}", f"bench/rich/{n}", collection) for n in range(21)]
    documents = [demo_document(f"گزارش پیوست {n}", f"bench-rich-{n}", "pdf", collection, pages=n + 1) for n in range(3)]
    page = NewsPage(
        title="گزارش تصویری روز محله",
        slug="rich-news",
        lead="اهالی یک روز کامل را با هم گذراندند: کاشت نهال، نمایشگاه کار بانوان و گفت‌وگو با شورا.",
        image=shots[0],
        body=[
            build.paragraph("<p>" + "اهالی از صبح در سرای محله جمع شدند و برنامه‌ها تا عصر ادامه داشت. " * 6 + "</p>"),
            build.picture(shots[1], "اهالی در سرای محله", "آغاز برنامه در سرای محله"),
            build.paragraph("<p>" + "کمیته‌های شورا گزارش کار خود را به اهالی دادند. " * 8 + "</p>"),
            build.gallery("روز محله", [(shot, f"تصویر {n} از روز محله", "") for n, shot in enumerate(shots[1:])]),
            *[build.document(document) for document in documents],
            build.video("گزارش ویدیویی روز محله", "اهالی نهال می‌کارند و از کار دفتر می‌گویند.", aparat_url="https://www.aparat.com/v/Xk9p2", poster=shots[2]),
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.premake_renditions()
    return page


def nginx(work, app_port, port):
    """site/'s nginx configuration, as a server would have it, from a private prefix on 127.0.0.1:PORT.

    The http-context part, the TLS server block of nginx.conf.example and the locations it includes,
    with only the paths moved: the repository's static files, the run's media, a certificate made
    here, and the rehearsal's ports.
    """
    work = pathlib.Path(work)
    for name in ("cache", "temp"):
        (work / name).mkdir(exist_ok=True)
        (work / name).chmod(0o777)  # workers drop to an unprivileged user when nginx starts as root
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", work / "key.pem", "-out", work / "cert.pem"],
        check=True, capture_output=True,
    )
    (work / "mahalle_proxy_params").write_text((SITE / "mahalle_proxy_params").read_text())
    locations = (SITE / "mahalle_locations").read_text()
    locations = locations.replace("/etc/nginx/mahalle_proxy_params", str(work / "mahalle_proxy_params"))
    locations = locations.replace("/srv/mahalle/app/staticfiles/", f"{REPO / 'staticfiles'}/")
    locations = locations.replace("/srv/mahalle/media/", f"{os.environ['MEDIA_ROOT']}/")
    (work / "mahalle_locations").write_text(locations)
    http_part = (SITE / "nginx-mahalle.conf").read_text().replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    http_part = re.sub(r"proxy_cache_path \S+", f"proxy_cache_path {work / 'cache'}", http_part)
    example = (SITE / "nginx.conf.example").read_text()
    server = block(example, "server {")  # the last one: the site over TLS
    server = re.sub(r"\n\s*listen \[::\]:443[^\n]*", "", server)
    server = re.sub(r"listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;", server)
    server = server.replace("server_name mahalle.example.ir;", "server_name localhost;")
    server = re.sub(r"ssl_certificate \S+;", f"ssl_certificate {work / 'cert.pem'};", server)
    server = re.sub(r"ssl_certificate_key \S+;", f"ssl_certificate_key {work / 'key.pem'};", server)
    server = server.replace("/etc/nginx/mahalle_locations", str(work / "mahalle_locations"))
    temp = work / "temp"
    print(f"""
worker_processes 1;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {work / 'access.log'};
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{http_part}
    server {{{server}}}
}}
""")


def failing(audit):
    """An audit that did not pass: scored below 0.9 (binary audits score 0), not merely informative."""
    mode = audit.get("scoreDisplayMode")
    return mode in ("binary", "numeric", "metricSavings") and audit.get("score") is not None and audit["score"] < 0.9


def items(audit, limit=4):
    """What the audit points at: elements, URLs or sources, shortened."""
    found = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") or {}
        text = node.get("snippet") or node.get("selector") or item.get("url") or item.get("source", {}).get("url")
        if not text and isinstance(item.get("label"), str):
            text = item["label"]
        if text:
            found.append(re.sub(r"\s+", " ", str(text))[:110])
    return found


def report(folder):
    folder = pathlib.Path(folder)
    rows, details = [], []
    for line in sys.stdin:
        name, path = line.split()
        path_json = folder / f"{name}.json"
        if not path_json.exists():
            rows.append(f"| {name} | `{path}` | no report | | | |")
            continue
        result = json.loads(path_json.read_text())
        scores = [result["categories"][c]["score"] for c in CATEGORIES]
        shown = ["—" if score is None else str(round(score * 100)) for score in scores]
        rows.append(f"| {name} | `{path}` | " + " | ".join(shown) + " |")
        if result.get("runtimeError"):
            details.append(f"- **{name}**: runtime error {result['runtimeError'].get('code')}")
        for category in CATEGORIES:
            refs = result["categories"][category]["auditRefs"]
            for ref in refs:
                audit = result["audits"][ref["id"]]
                if (ref.get("weight", 0) == 0 and category != "performance") or not failing(audit):
                    continue
                value = f" — {audit['displayValue']}" if audit.get("displayValue") else ""
                where = items(audit)
                details.append(
                    f"- **{name}** [{category}] `{ref['id']}` ({audit['score']}): {audit['title']}{value}"
                    + ("".join(f"\n  - `{w}`" for w in where) if where else "")
                )
    print("| page | path | performance | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    print("\nFailing audits (score < 0.9), with what they point at:\n")
    print("\n".join(details) or "none")


if __name__ == "__main__":
    command = sys.argv[1]
    if command in ("createdb", "dropdb"):
        database(command)
    elif command == "pages":
        pages()
    elif command == "nginx":
        nginx(*sys.argv[2:5])
    elif command == "report":
        report(sys.argv[2])
