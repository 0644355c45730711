"""The ``X-TrustCenter-Signature`` header: ``t=<unix time>,v1=<hex HMAC-SHA256>`` over
``<t>.<body>`` with the endpoint's secret, as Stripe signs its webhooks (a receiver checks the
MAC and refuses an old ``t``, so a captured delivery cannot be replayed later)."""

import hashlib
import hmac

HEADER = "X-TrustCenter-Signature"


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret, timestamp, body):
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"
