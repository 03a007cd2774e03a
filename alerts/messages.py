"""What a subscriber receives: an SMS in their language with a short link to the page and one to leave,
or a right-to-left HTML e-mail with a plain-text part and the one-click unsubscribe headers (RFC 8058)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from forms import sms
from portal.digits import to_digits
from portal.outage import ServiceDown

from .tokens import unsubscribe_token
from .topics import Channel, Topic


def _absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def headline(dispatch):
    """«خبر تازه محله هرندی: …» in the active language."""
    kinds = {
        Topic.NEWS: gettext("خبر تازه"),
        Topic.PROGRAMMES: gettext("ثبت‌نام برنامه"),
        Topic.DECISIONS: gettext("مصوبه‌های تازه شورا"),
        Topic.URGENT: gettext("اطلاعیه فوری"),
    }
    kind = kinds[dispatch.topic]
    if dispatch.neighborhood_id:
        where = gettext("محله %(name)s") % {"name": dispatch.neighborhood.title}
        return f"{kind} – {where}: {dispatch.title}"
    return f"{kind}: {dispatch.title}"


def links(dispatch, subscriber):
    with translation.override(subscriber.language):
        short = reverse("alerts:go", args=[f"{dispatch.pk:x}"])
        leave = reverse("alerts:unsubscribe", args=[unsubscribe_token(subscriber)])
    return _absolute(short), _absolute(leave)


def sms_text(dispatch, subscriber):
    page, leave = links(dispatch, subscriber)
    with translation.override(subscriber.language):
        return f"{headline(dispatch)}\n{page}\n{gettext('لغو اشتراک')}: {leave}"


def send(delivery, now, backend=None):
    """Sends one delivery (SMS through ``backend``, one for a whole run); the provider's id, if it gives
    one. Raises sms.SmsError (or an SMTP/OS error)."""
    dispatch, subscriber = delivery.dispatch, delivery.subscriber
    if delivery.channel == Channel.SMS:
        # The delivery's id is the provider's local id: a retry after an unknown outcome is not sent twice.
        return (backend or sms.get_backend()).send(subscriber.address, sms_text(dispatch, subscriber), local_id=str(delivery.pk))
    page, leave = links(dispatch, subscriber)
    with translation.override(subscriber.language):
        context = {"dispatch": dispatch, "headline": headline(dispatch), "page_url": page, "unsubscribe_url": leave,
                   "LANGUAGE_BIDI": translation.get_language_bidi(), "LANGUAGE_CODE": subscriber.language}
        message = EmailMultiAlternatives(
            subject=headline(dispatch),
            body=render_to_string("alerts/email/message.txt", context),
            to=[subscriber.address],
            headers={"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
        message.attach_alternative(render_to_string("alerts/email/message.html", context), "text/html")
    message.send()
    return ""


def send_code(channel, address, code, language):
    """The one-time code (SMS) or the confirmation link (e-mail) of a subscription request."""
    with translation.override(language):
        if channel == Channel.SMS:
            sms.send_sms(address, gettext("کد تأیید اشتراک پیام‌های محله: %(code)s") % {"code": _digits(code, language)})
            return
        context = {"confirm_url": _absolute(code), "LANGUAGE_BIDI": translation.get_language_bidi(), "LANGUAGE_CODE": language}
        message = EmailMultiAlternatives(
            subject=gettext("تأیید اشتراک پیام‌های محله"),
            body=render_to_string("alerts/email/confirm.txt", context),
            to=[address],
        )
        message.attach_alternative(render_to_string("alerts/email/confirm.html", context), "text/html")
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            # The resident is asked to try again shortly (the Persian 503), not shown a 500.
            raise ServiceDown("the confirmation e-mail could not be sent") from error


def _digits(code, language):
    return to_digits(code, language)
