from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("subscribe/<int:pk>/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm_email, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("s/<str:ref>/", views.go, name="go"),
]
