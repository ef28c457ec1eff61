"""An ``in`` lookup on integer fields that leaves out values no row can hold.

Django answers ``id=99999999999999999999`` with an empty result (its ``exact`` lookup knows the database's integer
range), but passes the same value in ``id__in=[...]`` to the database: SQLite's driver then raises OverflowError (a
500 from every form or serializer with a multiple choice) and PostgreSQL an out-of-range error. A value outside the
range can never match, so it is left out, as ``None`` already is; a choice field then reports it as an invalid
choice, in Dutch, like any other unknown id. Registered on ``IntegerField`` (and so on every auto field) in
``CoreConfig.ready``. A foreign key's own ``<fk>_id__in`` uses Django's related lookups instead: filter through the
target (``round__id__in``), or read ids from input with ``core.limits.parse_id``.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            min_value, max_value = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((min_value is None or value >= min_value) and (max_value is None or value <= max_value))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
