"""Keywords that choose the target: its URL, timeout, TLS policy, or the embedded reference server."""

from __future__ import annotations

from datetime import timedelta

from robot.api import logger
from robotlibcore import keyword

from ..context import KeywordError, LibraryContext, flag, seconds, suite_settings
from ..settings import HandshakeSettings, SettingsError, parse_connection, parse_headers, parse_subprotocols
from ..target import Target


class TargetKeywords:
    """Where requests go."""

    def __init__(self, context: LibraryContext) -> None:
        self.ctx = context

    @keyword("Set Target URL", tags=["target"])
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

    @keyword(tags=["target"])
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

        The handshake settings are read from the suite's variables directly,
        so Robot never logs them as arguments: ``${WS_HEADERS}`` (one
        ``Name: value`` or a dictionary), ``${WS_SUBPROTOCOL}``,
        ``${FOREIGN_ORIGIN}`` and ``${ORIGIN_CHECK}`` (see `Set Target
        Handshake Settings`), and how the target is reached:
        ``${CA_BUNDLE}``, ``${CLIENT_CERT}``, ``${CLIENT_KEY}`` and
        ``${WS_PROXY}`` (see `Set Target Connection Settings`).

        Every value is checked before anything starts or is sent; the first
        unusable one fails the keyword with one sentence that names the
        variable, its value and what it accepts.

        Example:
        | ${url} = | Set Target From Suite Variables | ${WS_URL} | ${TIMEOUT} | ${VERIFY_TLS} | ${TARGET_NAME} |
        """
        new_timeout, new_verify = suite_settings(timeout, verify_tls, target_name)
        self.ctx.read_suite_settings()
        if ws_url:
            try:
                self.ctx.set_url(ws_url)
            except KeywordError as error:
                raise KeywordError(f"WS_URL is not a usable target: {error}") from None
        self.ctx.timeout = new_timeout
        self.ctx.verify = new_verify
        if not ws_url:
            return self.start_reference_server()
        return self._announce().url

    @keyword(tags=["target"])
    def set_target_handshake_settings(self, headers: dict | list | str | None = None,
                                      subprotocols: str | list | None = None) -> None:
        """Sets the headers and subprotocols every request to the target carries from now on.

        ``headers`` are added to every handshake, every `Open WebSocket` and
        every extended CONNECT (with lower-case names over HTTP/2): one
        ``Name: value`` text, a dictionary, or a list of either. They come
        after a request's own headers; a header a keyword call names itself
        (to set, remove or repeat it) is left to that call. ``subprotocols``
        (comma-separated) are offered as ``Sec-WebSocket-Protocol`` the same
        way.

        A value may name an environment variable as ``%{NAME}``: it is read
        each time a request is built, so a token never has to be written in
        a suite. Robot logs keyword arguments at ``--loglevel TRACE``, so
        give secrets this way. The values of ``Authorization``,
        ``Proxy-Authorization``, ``Cookie`` and ``Set-Cookie`` and of every
        ``%{NAME}`` are masked wherever the library logs a request or
        response; the bytes sent are exact.

        Example:
        | Set Target Handshake Settings | Authorization: Bearer %{WS_TOKEN} |
        | Set Target Handshake Settings | headers={"Cookie": "session=%{SESSION}", "Origin": "https://app.example"} | subprotocols=graphql-transport-ws |
        """
        try:
            self.ctx.settings = HandshakeSettings(parse_headers(headers, "headers"),
                                                  parse_subprotocols(subprotocols, "subprotocols"),
                                                  self.ctx.settings.foreign_origin,
                                                  self.ctx.settings.origin_check_required)
        except SettingsError as error:
            raise KeywordError(str(error)) from None
        logger.info(f"Every request now adds: {self.ctx.settings.describe()}.")
        if self.ctx.target is not None:
            self.ctx.start_endpoint_probe()

    @keyword(tags=["target"])
    def set_target_connection_settings(self, ca_bundle: str = "", client_cert: str = "", client_key: str = "",
                                       proxy: str = "") -> None:
        """Sets how connections to the target are made from now on: TLS trust, client certificate, proxy.

        ``ca_bundle`` is a PEM file of the CAs to trust instead of the
        system's (a private CA, so verification stays on); ``client_cert``
        and ``client_key`` are the PEM certificate and key for mutual TLS.
        ``proxy`` is an HTTP proxy reached with ``CONNECT``,
        ``http://[user:password@]host:port`` (the password is masked in the
        log), or ``env`` to use ``HTTPS_PROXY``/``HTTP_PROXY`` and
        ``NO_PROXY`` as curl does. The bytes inside the tunnel are exact.
        Each applies to HTTP/1.1 and HTTP/2 alike.

        Example:
        | Set Target Connection Settings | ca_bundle=${CURDIR}/ca.pem | client_cert=${CURDIR}/client.pem |
        | Set Target Connection Settings | proxy=http://127.0.0.1:3128 |
        """
        try:
            self.ctx.connection = parse_connection(ca_bundle, client_cert, client_key, proxy)
        except SettingsError as error:
            raise KeywordError(str(error)) from None
        if self.ctx.target is not None:
            self.ctx.target = self.ctx.connected(self.ctx.target)
            self.ctx.start_endpoint_probe()

    def _announce(self) -> Target:
        """Start probing the current target and log where requests will go."""
        self.ctx.start_endpoint_probe()
        target = self.ctx.require_target()
        logger.info(f"Target is {target.url} (connect to {target.authority}, TLS {'on' if target.tls else 'off'}, "
                    f"timeout {self.ctx.timeout:g} s; every request adds: {self.ctx.settings.describe()}).")
        return target

    @keyword("Get Target URL", tags=["target"])
    def get_target_url(self) -> str:
        """Returns the current target URL as it was given.

        Example:
        | ${url} = | Get Target URL |
        """
        return self.ctx.require_target().url

    @keyword("Get Target HTTP URL", tags=["target"])
    def get_target_http_url(self) -> str:
        """Returns the current target as an ``http://`` or ``https://`` URL, for HTTP client libraries.

        Useful with RequestsLibrary, which does not speak ``ws://``.

        Example:
        | ${base} = | Get Target HTTP URL |
        | Create Session | target | ${base} |
        """
        return self.ctx.require_target().http_url

    @keyword(tags=["target"])
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

    @keyword(tags=["target"])
    def stop_reference_server(self) -> None:
        """Stops the embedded reference server if it runs; does nothing otherwise.

        Example:
        | Stop Reference Server |
        """
        self.ctx.reference_server.stop()
