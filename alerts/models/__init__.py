from .dispatches import Delivery, Dispatch
from .notices import NoticePage
from .subscribers import Subscriber, Subscription

__all__ = ["Delivery", "Dispatch", "NoticePage", "Subscriber", "Subscription"]
