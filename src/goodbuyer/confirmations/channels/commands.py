"""`goodbuyer fakes serve`: the fake Twilio, the fake SMTP server and the fake Gorgias for
a developer's machine, so the whole ladder runs with real HTTP and SMTP and nothing leaves it."""

from __future__ import annotations

from typing import Annotated, Any

import typer
import uvicorn
from rich.console import Console

from goodbuyer.confirmations.channels.fake_smtp import FakeSmtp
from goodbuyer.confirmations.channels.fake_twilio import FakeTwilio
from goodbuyer.support.intake.fake_gorgias import FakeGorgias

console = Console()
fakes_app = typer.Typer(help="Fake message providers for development and tests.")


@fakes_app.command("serve")
def serve_fakes(
    twilio_port: Annotated[int, typer.Option(help="the fake Twilio's HTTP port")] = 8025,
    smtp_port: Annotated[int, typer.Option(help="the fake SMTP server's port")] = 2525,
    host: Annotated[str, typer.Option(help="listen on this address")] = "127.0.0.1",
    auth_token: Annotated[str, typer.Option(help="the fake Twilio's auth token")] = "fake-token",  # noqa: S107
) -> None:
    """Serve both fakes until Ctrl-C; every message they accept is listed at
    /_fake/messages (SMS and WhatsApp) and /_fake/emails on the Twilio port."""
    smtp = FakeSmtp(smtp_port, host).start()
    twilio = FakeTwilio(auth_token=auth_token)
    gorgias = FakeGorgias()  # the helpdesk write-back's fake, under /gorgias/api
    twilio.app.mount("/gorgias", gorgias.app)

    @twilio.app.get("/_fake/emails")
    def emails() -> list[dict[str, Any]]:
        return [{"from": e.sender, "to": list(e.recipients), "subject": e.subject,
                 "message_id": e.message_id, "body": e.body} for e in smtp.emails]  # fmt: skip

    console.print("Point goodbuyer at the fakes with:")
    for name, value in [
        ("TWILIO_BASE_URL", f"http://{host}:{twilio_port}"),
        ("TWILIO_ACCOUNT_SID", twilio.account_sid), ("TWILIO_AUTH_TOKEN", auth_token),
        ("TWILIO_SMS_FROM", "+15005550006"), ("TWILIO_WHATSAPP_FROM", "+15005550006"),
        ("SMTP_HOST", host), ("SMTP_PORT", str(smtp_port)), ("SMTP_FROM", "shop@example.com"),
    ]:  # fmt: skip
        console.print(f"  export GOODBUYER_{name}={value}")
    gorgias_url = f"http://{host}:{twilio_port}/gorgias/api"
    console.print(f"  goodbuyer support connect SHOP gorgias --secret {gorgias.api_key} "
                  f"--username {gorgias.username} --base-url {gorgias_url}")  # fmt: skip
    try:
        uvicorn.run(twilio.app, host=host, port=twilio_port, log_level="warning")
    finally:
        smtp.stop()


def register(app: typer.Typer) -> None:
    app.add_typer(fakes_app, name="fakes")


__all__ = ["register"]
