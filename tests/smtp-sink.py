#!/usr/bin/python3
"""A small SMTP sink for the CaseFlow tests (Debian's /usr/bin/python3 with python3-aiosmtpd).

    /usr/bin/python3 tests/smtp-sink.py --host 127.0.0.1 --port N --out FILE
        [--tls-cert PEM --tls-key PEM [--starttls]] [--auth-user NAME --auth-password PW [--auth-mechanisms LOGIN]]

Listens on HOST:PORT and appends one JSON line per accepted message to FILE:
{"to": [...], "from": "...", "subject": "...", "rawSubject": "...", "body": "...", "messageId": "...", "headerFrom": "...",
"date": "...", "contentType": "...", "tls": true|false, "authUser": "..."|null, "attachments": [{"fileName": "...",
"contentType": "...", "size": N, "sha256": "...", "rawContentDisposition": "..."}]} (subject, body and file names
decoded by Python's email package; the raw header texts as sent, unfolded).
RCPT addresses starting with "tempfail" are answered 451 (transient), those starting with "reject" 550
(permanent). Prints "ready" once listening; runs until SIGTERM or SIGINT.

With --tls-cert/--tls-key the connection is TLS from the first byte (implicit TLS, as on port 465); adding
--starttls makes it a plain connection that must be upgraded with STARTTLS before MAIL (as on port 587).
With --auth-user/--auth-password every message needs AUTH with exactly these credentials (else 530/535);
--auth-mechanisms limits what EHLO offers (e.g. LOGIN only).
"""

import argparse
import email
import email.header
import email.policy
import hashlib
import json
import signal
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def decoded(raw, name):
    """A header with its RFC 2047 encoded words decoded; adjacent encoded words join without a space (the
    address parser of email.policy.default inserts one into display names)."""
    value = raw.get(name)
    if value is None:
        return ""
    return str(email.header.make_header(email.header.decode_header(str(value)))).replace("\r\n", "").replace("\n", "")


def unfolded(value):
    """A raw header value on one line (folding removed, RFC 5322 2.2.3)."""
    return str(value).replace("\r\n", "").replace("\n", "")


class Sink:
    def __init__(self, out):
        self.out = out
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.lower()
        if local.startswith("tempfail"):
            return "451 4.3.0 try again later"
        if local.startswith("reject"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html")) if message.is_multipart() else message
        try:
            body = (part.get_content() if part is not None else "").replace("\r\n", "\n")
        except (LookupError, KeyError, ValueError) as e:  # an undecodable body is still recorded
            body = f"<undecodable body: {e}>"
        raw = email.message_from_bytes(envelope.content, policy=email.policy.compat32)
        raw_attachments = [p for p in raw.walk() if p.get_content_disposition() == "attachment"]
        attachments = []
        for decoded_part, raw_part in zip(message.iter_attachments(), raw_attachments):
            content = decoded_part.get_payload(decode=True) or b""
            attachments.append({
                "fileName": decoded_part.get_filename(),
                "contentType": decoded_part.get_content_type(),
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
                "rawContentDisposition": unfolded(raw_part.get("Content-Disposition", "")),
            })
        record = {
            "to": list(envelope.rcpt_tos),
            "from": envelope.mail_from,
            "subject": decoded(raw, "Subject"),
            "rawSubject": unfolded(raw.get("Subject", "")),
            "body": body,
            "messageId": str(message.get("Message-ID", "")),
            "headerFrom": decoded(raw, "From"),
            "date": str(raw.get("Date", "")),
            "contentType": str(raw.get("Content-Type", "")),
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "authUser": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "attachments": attachments,
        }
        line = json.dumps(record, ensure_ascii=False)
        # Written (and flushed) before the 250 reply, so a sender that saw success can read the line.
        with self.lock, open(self.out, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
        return "250 Message accepted for delivery"


class Authenticator:
    def __init__(self, user, password):
        self.user = user
        self.password = password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == self.user and auth_data.password.decode() == self.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--auth-mechanisms", help="space-separated, e.g. LOGIN; default: all aiosmtpd offers")
    args = parser.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key) or (args.starttls and not args.tls_cert):
        parser.error("--tls-cert and --tls-key go together, and --starttls needs them")

    smtp = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        smtp["tls_context" if args.starttls else "ssl_context"] = context
        smtp["require_starttls"] = args.starttls
    if args.auth_user:
        smtp["authenticator"] = Authenticator(args.auth_user, args.auth_password or "")
        smtp["auth_required"] = True
        # aiosmtpd only knows of TLS it started itself (STARTTLS); on an implicit-TLS connection it must not
        # refuse AUTH as unencrypted.
        smtp["auth_require_tls"] = args.starttls
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
        if args.auth_mechanisms:
            offered = set(args.auth_mechanisms.upper().split())
            smtp["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]

    open(args.out, "a", encoding="utf-8").close()
    controller = Controller(Sink(args.out), hostname=args.host, port=args.port, **smtp)
    controller.start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
