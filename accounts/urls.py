from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from two_factor import views as two_factor_views

from . import views

# The pages of django-two-factor-auth that VS-portaal uses (TOTP set-up with its QR code, backup codes, the
# overview and switching it off), under Dutch addresses; their names stay in the "two_factor" namespace, which
# those views reverse.
two_factor_patterns = (
    [
        path("instellen/", views.SecondFactorSetupView.as_view(), name="setup"),
        path("instellen/qr/", two_factor_views.QRGeneratorView.as_view(), name="qr"),
        path("instellen/klaar/", two_factor_views.SetupCompleteView.as_view(), name="setup_complete"),
        path("backupcodes/", two_factor_views.BackupTokensView.as_view(), name="backup_tokens"),
        path("", two_factor_views.ProfileView.as_view(), name="profile"),
        path("uitschakelen/", two_factor_views.DisableView.as_view(), name="disable"),
    ],
    "two_factor",
)

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("", views.ProfileView.as_view(), name="profile"),
    path("tweede-stap/", views.SecondFactorView.as_view(), name="second_factor"),
    path("tweestapsverificatie/", include(two_factor_patterns)),
    path(
        "wachtwoord/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done")),
        name="password_change",
    ),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
