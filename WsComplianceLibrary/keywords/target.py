"""Keywords that choose the target: its URL, timeout, TLS policy, or the embedded reference server."""

from __future__ import annotations

from datetime import timedelta

from robot.api import logger
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext, flag, seconds, set_suite_metadata, suite_settings
from ..target import Target


class TargetKeywords:
    """Where requests go."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context

    @keyword("Set Target URL")
    def set_target_url(self, url: str, timeout: timedelta | None = None, verify: bool | str | None = None) -> str:
        """Sets the target that the Send keywords connect to and returns the previous URL.

        ``url`` is a ``ws://``, ``wss://``, ``http://`` or ``https://`` URL; the
        scheme picks plain TCP or TLS. ``timeout`` and ``verify``, when given,
        replace the library-wide defaults set at import. ``verify`` is
        ``True`` or ``False`` (``yes``/``no``, ``on``/``off``, ``1``/``0``).

        Example:
        | ${previous} = | Set Target URL | ws://127.0.0.1:8080/chat | timeout=2s |
        | Set Target URL | wss://[::1]:8443/ws?room=1 | verify=False |
        """
        previous = self.ctx.target.url if self.ctx.target else ""
        new_timeout = seconds(timeout, self.ctx.timeout)
        new_verify = self.ctx.verify if verify is None else flag(verify, "verify")
        self.ctx.set_url(url)
        self.ctx.timeout = new_timeout
        self.ctx.verify = new_verify
        self._announce()
        return previous

    @keyword
    def set_target_from_suite_variables(self, ws_url: str, timeout: str, verify_tls: bool | str,
                                        target_name: str = "") -> str:
        """Checks the compliance suites' variables and targets what they name; returns the target URL.

        The arguments are the values of ``${WS_URL}``, ``${TIMEOUT}``,
        ``${VERIFY_TLS}`` and ``${TARGET_NAME}``. An empty ``ws_url`` starts
        the embedded reference server (see `Start Reference Server`) and
        returns its URL. ``timeout`` is a Robot time such as ``5s``,
        ``500ms`` or ``1.5``; ``verify_tls`` is ``True`` or ``False``
        (``yes``/``no``, ``on``/``off``, ``1``/``0``); ``target_name`` is
        empty or 1 to 64 letters, digits, ``_`` or ``-``, starting with a
        letter or digit.

        Every value is checked before anything starts or is sent; the first
        unusable one fails the keyword with one sentence that names the
        variable, its value and what it accepts.

        The target goes into the top-level suite's metadata, where the report
        and `wscompliance`'s matrix show it: ``Target`` is ``ws_url``, or the
        embedded server and its URL, and ``Target Name`` is ``target_name``
        when one is given.

        Example:
        | ${url} = | Set Target From Suite Variables | ${WS_URL} | ${TIMEOUT} | ${VERIFY_TLS} | ${TARGET_NAME} |
        """
        new_timeout, new_verify = suite_settings(timeout, verify_tls, target_name)
        if ws_url:
            try:
                self.ctx.set_url(ws_url)
            except KeywordError as error:
                raise KeywordError(f"WS_URL is not a usable target: {error}") from None
        self.ctx.timeout = new_timeout
        self.ctx.verify = new_verify
        if ws_url:
            url = self._announce().url
            set_suite_metadata("Target", ws_url, top=True)
        else:
            url = self.start_reference_server()
            set_suite_metadata("Target", f"embedded reference server (websockets) at {url}", top=True)
        if target_name:
            set_suite_metadata("Target Name", target_name, top=True)
        return url

    def _announce(self) -> Target:
        """Start probing the current target and log where requests will go."""
        self.ctx.start_endpoint_probe()
        target = self.ctx.require_target()
        logger.info(f"Target is {target.url} (connect to {target.authority}, TLS {'on' if target.tls else 'off'}, "
                    f"timeout {self.ctx.timeout:g} s).")
        return target

    @keyword("Get Target URL")
    def get_target_url(self) -> str:
        """Returns the current target URL as it was given.

        Example:
        | ${url} = | Get Target URL |
        """
        return self.ctx.require_target().url

    @keyword("Get Target HTTP URL")
    def get_target_http_url(self) -> str:
        """Returns the current target as an ``http://`` or ``https://`` URL, for HTTP client libraries.

        Useful with RequestsLibrary, which does not speak ``ws://``.

        Example:
        | ${base} = | Get Target HTTP URL |
        | Create Session | target | ${base} |
        """
        return self.ctx.require_target().http_url

    @keyword
    def start_reference_server(self) -> str:
        """Starts the embedded reference WebSocket server on 127.0.0.1, makes it the target, returns its URL.

        The server is a ``websockets`` echo server on a free port, running in
        the background until `Stop Reference Server` or the end of the run.
        Suites use it when no ``WS_URL`` is given, so they run out of the box.

        Example:
        | ${url} = | Start Reference Server |
        | Set Suite Variable | ${WS_URL} | ${url} |
        """
        try:
            url = self.ctx.reference_server.start()
        except OSError as error:
            raise KeywordError(f"The reference server could not start: {error.strerror or error}.") from None
        self.ctx.set_url(url)
        self.ctx.start_endpoint_probe()
        logger.info(f"Reference server (websockets) listening at {url}.")
        return url

    @keyword
    def stop_reference_server(self) -> None:
        """Stops the embedded reference server if it runs; does nothing otherwise.

        Example:
        | Stop Reference Server |
        """
        self.ctx.reference_server.stop()
