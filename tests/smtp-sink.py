#!/usr/bin/python3
"""A small SMTP sink for the CaseFlow tests (Debian's /usr/bin/python3 with python3-aiosmtpd).

    /usr/bin/python3 tests/smtp-sink.py --host 127.0.0.1 --port N --out FILE

Listens on HOST:PORT and appends one JSON line per accepted message to FILE:
{"to": [...], "from": "...", "subject": "...", "body": "...", "messageId": "..."} (subject and body decoded).
RCPT addresses starting with "tempfail" are answered 451 (transient), those starting with "reject" 550
(permanent). Prints "ready" once listening; runs until SIGTERM or SIGINT.
"""

import argparse
import email
import email.header
import email.policy
import json
import signal
import sys
import threading

from aiosmtpd.controller import Controller


def decoded(raw, name):
    """A header with its RFC 2047 encoded words decoded; adjacent encoded words join without a space (the
    address parser of email.policy.default inserts one into display names)."""
    value = raw.get(name)
    if value is None:
        return ""
    return str(email.header.make_header(email.header.decode_header(str(value)))).replace("\r\n", "").replace("\n", "")


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
        record = {
            "to": list(envelope.rcpt_tos),
            "from": envelope.mail_from,
            "subject": decoded(raw, "Subject"),
            "body": body,
            "messageId": str(message.get("Message-ID", "")),
            "headerFrom": decoded(raw, "From"),
        }
        line = json.dumps(record, ensure_ascii=False)
        # Written (and flushed) before the 250 reply, so a sender that saw success can read the line.
        with self.lock, open(self.out, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    open(args.out, "a", encoding="utf-8").close()
    controller = Controller(Sink(args.out), hostname=args.host, port=args.port)
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
