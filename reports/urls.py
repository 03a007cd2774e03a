from django.urls import path

from .views.safety import public_map

urlpatterns = [path("", public_map, name="safety_map")]
