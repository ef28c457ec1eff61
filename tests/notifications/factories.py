import factory

from notifications.models import Notification, NotificationPreference, ReminderSettings
from tests.accounts.factories import UserFactory
from tests.planning.factories import StrategyProcessFactory


class ReminderSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReminderSettings

    process = factory.SubFactory(StrategyProcessFactory)
    offsets = factory.LazyFunction(lambda: [14, 7, 1])


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    delivery = NotificationPreference.Delivery.EACH


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Herinnering {n}")
    message = "Er is iets te doen."
    url = "/"
