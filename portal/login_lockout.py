"""Admin login lockout (django-axes) that no other account's login lifts.

Axes records each failure by user name, address and browser, and locks an address out once its
failures reach AXES_FAILURE_LIMIT (and a user name from that address, for the same count). Its own
reset on a successful login deletes every failure that matches the lockout parameters, that is every
failure from the address: an attacker who also holds an NGO account could guess a member of staff's
password, log into the NGO account to wipe the count, and go on. Here a successful login clears only
its own account's failures from that address.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt


class AccountScopedHandler(AxesDatabaseHandler):
    def reset_user_attempts(self, request, credentials=None):
        username = get_client_username(request, credentials)
        deleted, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return deleted
