"""The API's pagination: ?limit= and ?offset=, with a ceiling, so that no number a client sends reaches the
database as an out-of-range LIMIT or OFFSET (``?limit=9223372036854775808`` was a 500)."""

from rest_framework.pagination import LimitOffsetPagination

# The most rows one page gives; the default page is REST_FRAMEWORK["PAGE_SIZE"].
MAX_LIMIT = 500


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    max_limit = MAX_LIMIT

    def get_offset(self, request):
        # Past the last row every offset gives the same empty page; the count was taken before this.
        return min(super().get_offset(request), self.count)
