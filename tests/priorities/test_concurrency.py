"""The eleventh priority, added by two staff members at the same moment, on PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from priorities import services
from priorities.models import Priority


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_members_adding_the_tenth_at_once_store_exactly_one(process):
    for number in range(1, 10):
        services.priority_create(process=process, title=f"Prioriteit {number}")
    barrier = threading.Barrier(2)
    outcomes = []
    lock = threading.Lock()

    def add(title):
        try:
            barrier.wait(timeout=10)
            try:
                services.priority_create(process=process, title=title)
                result = "stored"
            except ValidationError as error:
                result = error.messages[0]
            with lock:
                outcomes.append(result)
        finally:
            connection.close()  # each thread has its own connection; close it before the test database goes

    threads = [threading.Thread(target=add, args=(f"Gelijktijdig {n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes, key=lambda o: o != "stored") == [
        "stored",
        "De lange lijst heeft al 10 prioriteiten, het maximum. Verwijder er een of voeg er twee samen voordat u een "
        "nieuwe toevoegt.",
    ]
    assert Priority.objects.filter(process=process).count() == 10
    assert Priority.objects.filter(title__startswith="Gelijktijdig").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_without_the_lock_both_would_pass_the_count(process):
    """Shows the race the lock closes: two transactions that count before either inserts both see nine."""
    for number in range(1, 10):
        services.priority_create(process=process, title=f"Prioriteit {number}")
    barrier = threading.Barrier(2)
    counts = []

    def count():
        try:
            from django.db import transaction

            with transaction.atomic():
                counts.append(Priority.objects.filter(process=process).count())
                barrier.wait(timeout=10)
        finally:
            connection.close()

    threads = [threading.Thread(target=count) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert counts == [9, 9]
