from django.db import models


class Generation(models.Model):
    """The one row whose token names the current generation of cached pages.

    Kept in the database, not in the cache, so freshness never depends on the cache remembering:
    a token is random and replaced in the publishing transaction, so it never repeats, never goes
    back, and rolls back with a failed publish. A cache restored from an old snapshot, or one
    that lost keys, holds entries under tokens that can never be current again.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return self.token
