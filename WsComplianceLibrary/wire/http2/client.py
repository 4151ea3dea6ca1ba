"""The client side of one HTTP/2 connection carrying one extended CONNECT stream, without I/O.

:class:`ClientConnection` builds what the client sends and reads what the
server sends back. The preface, SETTINGS and the request's HEADERS are
built by ``h2`` with header validation and normalisation off, so the fields
go out exactly as a case lists them; SETTINGS and PING acknowledgements,
WINDOW_UPDATE and DATA are framed here with hyperframe. What comes back is
read frame by frame (:class:`~.frames.FrameDecoder`) rather than through
``h2``'s state machine, which raises on a server's protocol error and loses
the frames before it: a compliance tool has to record what a wrong server
said, not only that it was wrong.

The transport feeds received bytes to :meth:`ClientConnection.receive`,
writes whatever :meth:`ClientConnection.outgoing` returns, and reads the
verdict off the properties.
"""

from __future__ import annotations

import logging

from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.settings import SettingCodes
from hyperframe.frame import (
    DataFrame,
    Frame,
    GoAwayFrame,
    HeadersFrame,
    PingFrame,
    RstStreamFrame,
    SettingsFrame,
    WindowUpdateFrame,
)

from ..http1.response import Headers
from .frames import CLIENT_PREFACE, FrameDecoder, FrameError, FrameRecord, error_code_name, setting_name
from .response import H2Response, StreamEnd

# hpack logs every field it encodes, values included, at DEBUG; Robot would write them to output.xml at
# --loglevel DEBUG or TRACE, credentials and all. The library logs each field itself, masked.
logging.getLogger("hpack").setLevel(logging.INFO)

__all__ = ["MAX_CONTROL_FRAMES", "MAX_DATA", "MAX_FRAMES_KEPT", "ClientConnection"]

MAX_CONTROL_FRAMES = 256
"""Frames that do not answer the request (SETTINGS, PING, WINDOW_UPDATE, other streams) read before giving up."""

MAX_DATA = 1024 * 1024
"""Bytes of DATA kept from the request's stream."""

MAX_FRAMES_KEPT = 200
"""Frames kept for the log; later ones are counted."""

_DEFAULT_WINDOW = 65535


class ClientConnection:
    """One connection, one stream: the extended CONNECT ``request`` (fields as bytes) on stream 1."""

    stream_id = 1

    def __init__(self, request: list[tuple[bytes, bytes]] | None = None) -> None:
        self.request = request or []
        self._h2 = H2Connection(H2Configuration(
            client_side=True, header_encoding=None, validate_outbound_headers=False,
            normalize_outbound_headers=False, validate_inbound_headers=False,
        ))
        # Like browsers: no server push on a connection opened for one tunnel.
        self._h2.local_settings = type(self._h2.local_settings)(
            client=True, initial_values={SettingCodes.ENABLE_PUSH: 0, SettingCodes.MAX_CONCURRENT_STREAMS: 100},
        )
        self._sent = FrameDecoder(sent=True)
        self._received = FrameDecoder(sent=False)
        self._early = bytearray()
        self._preface_checked = False
        self._outgoing = bytearray()
        self._pending_data = bytearray()
        self._connection_window = _DEFAULT_WINDOW
        self._stream_window = _DEFAULT_WINDOW
        self._control_frames = 0
        self.frames: list[FrameRecord] = []
        self.frames_not_kept = 0
        self.settings: dict[int, int] = {}
        self.settings_received = False
        self.status: int | None = None
        self.fields: list[tuple[bytes, bytes]] = []
        self.interim: list[int] = []
        self.data = bytearray()
        self.stream_end: StreamEnd | None = None
        self.error_code: str | None = None
        self.goaway: str | None = None
        self.invalid: str | None = None
        self.not_http2: str | None = None

    # What the client sends.

    def open(self) -> bytes:
        """The connection preface and the client's SETTINGS (RFC 9113 §3.4)."""
        self._h2.initiate_connection()
        data = self._h2.data_to_send()
        self._log_sent(data[len(CLIENT_PREFACE):])
        return data

    def send_request(self) -> bytes:
        """The HEADERS frame(s) of the request, exactly as listed, on a stream left open for the tunnel."""
        self._h2.send_headers(self.stream_id, self.request, end_stream=False)
        data = self._h2.data_to_send()
        self._log_sent(data)
        return data

    def queue_data(self, payload: bytes) -> None:
        """Send ``payload`` in DATA frames on the stream as the server's flow-control windows allow."""
        self._pending_data += payload

    def outgoing(self) -> bytes:
        """Everything owed to the server now: acknowledgements, window updates, DATA that fits the windows."""
        while self._pending_data and min(self._connection_window, self._stream_window) > 0:
            size = min(self._connection_window, self._stream_window, len(self._pending_data),
                       self.settings.get(SettingCodes.MAX_FRAME_SIZE, 16384))
            chunk = bytes(self._pending_data[:size])
            del self._pending_data[:size]
            self._connection_window -= size
            self._stream_window -= size
            self._queue(DataFrame(self.stream_id, data=chunk))
        data = bytes(self._outgoing)
        self._outgoing.clear()
        return data

    def close(self) -> bytes:
        """A GOAWAY (NO_ERROR) that ends the connection politely."""
        self._queue(GoAwayFrame(0, last_stream_id=0, error_code=0))
        return self.outgoing()

    @property
    def data_blocked(self) -> bool:
        """Whether DATA is waiting for the server to open a flow-control window."""
        return bool(self._pending_data)

    # What the server sends.

    def receive(self, data: bytes) -> None:
        """Read ``data`` from the server; replies it calls for are queued for :meth:`outgoing`."""
        if self.invalid or self.not_http2:
            return
        if not self._preface_checked:
            self._early += data
            if len(self._early) < 5 and b"HTTP/".startswith(bytes(self._early)):
                return
            data, self._early, self._preface_checked = bytes(self._early), bytearray(), True
            if data.startswith(b"HTTP/"):
                line = data.split(b"\n", 1)[0].rstrip(b"\r")
                self.not_http2 = f"answered the HTTP/2 connection preface in HTTP/1.x ('{line.decode('latin-1')}')"
                return
        try:
            for record in self._received.feed(data):
                self._keep(record)
                self._on_frame(record)
                if self.invalid:
                    return
        except FrameError as error:
            self.invalid = f"sent bytes that are not valid HTTP/2: {error}"

    def _on_frame(self, record: FrameRecord) -> None:
        frame = record.frame
        if not self.settings_received and not (isinstance(frame, SettingsFrame) and "ACK" not in record.flags):
            self.invalid = f"sent a {record.type} frame first, where an HTTP/2 server's connection preface starts with SETTINGS"
            return
        if record.stream == self.stream_id and isinstance(frame, (HeadersFrame, DataFrame, RstStreamFrame)):
            self._on_stream_frame(record)
        elif isinstance(frame, GoAwayFrame):
            self.goaway = record.detail
            # A GOAWAY with an error code ends every stream; NO_ERROR spares the streams it lists as processed.
            if self.stream_end is None and (frame.error_code or frame.last_stream_id < self.stream_id):
                self.stream_end, self.error_code = StreamEnd.GOAWAY, error_code_name(frame.error_code)
        else:
            self._on_control_frame(record)

    def _on_stream_frame(self, record: FrameRecord) -> None:
        frame = record.frame
        if isinstance(frame, RstStreamFrame):
            if self.stream_end is None:
                self.stream_end, self.error_code = StreamEnd.RST_STREAM, error_code_name(frame.error_code)
            return
        if isinstance(frame, HeadersFrame):
            self._on_headers(record)
        else:
            if len(self.data) < MAX_DATA:
                self.data += frame.data[: MAX_DATA - len(self.data)]
            if record.length:
                # Keep the server's windows open: the tool only ever reads a little.
                self._queue(WindowUpdateFrame(0, window_increment=record.length))
                self._queue(WindowUpdateFrame(self.stream_id, window_increment=record.length))
        if record.end_stream and self.stream_end is None:
            self.stream_end = StreamEnd.END_STREAM

    def _on_headers(self, record: FrameRecord) -> None:
        status_values = [value for name, value in record.fields if name == b":status"]
        if self.status is not None:
            return  # trailers: logged, not judged
        if len(status_values) != 1 or not (status_values[0].isdigit() and len(status_values[0]) == 3):
            shown = ", ".join(value.decode("latin-1") for value in status_values) or "none"
            self.invalid = f"answered with a header block whose :status is not one three-digit code ({shown})"
            return
        status = int(status_values[0])
        if 100 <= status < 200 and status != 101:
            self.interim.append(status)
            return
        self.status, self.fields = status, list(record.fields)

    def _on_control_frame(self, record: FrameRecord) -> None:
        frame = record.frame
        self._control_frames += 1
        if self._control_frames > MAX_CONTROL_FRAMES:
            self.invalid = (f"sent more than {MAX_CONTROL_FRAMES} frames that do not answer the request "
                            f"(the last a {record.type} frame), a flood no answer follows")
            return
        if isinstance(frame, SettingsFrame) and "ACK" not in record.flags:
            self._on_settings(frame)
        elif isinstance(frame, PingFrame) and "ACK" not in record.flags:
            self._queue(PingFrame(0, opaque_data=frame.opaque_data, flags=["ACK"]))
        elif isinstance(frame, WindowUpdateFrame):
            if record.stream == 0:
                self._connection_window += frame.window_increment
            elif record.stream == self.stream_id:
                self._stream_window += frame.window_increment

    def _on_settings(self, frame: SettingsFrame) -> None:
        self.settings_received = True
        initial = frame.settings.get(SettingCodes.INITIAL_WINDOW_SIZE)
        if initial is not None:
            self._stream_window += initial - self.settings.get(SettingCodes.INITIAL_WINDOW_SIZE, _DEFAULT_WINDOW)
        self.settings.update(frame.settings)
        self._queue(SettingsFrame(0, flags=["ACK"]))

    # Bookkeeping.

    def _queue(self, frame: Frame) -> None:
        data = frame.serialize()
        self._log_sent(data)
        self._outgoing += data

    def _log_sent(self, data: bytes) -> None:
        for record in self._sent.feed(data):
            self._keep(record)

    def _keep(self, record: FrameRecord) -> None:
        if len(self.frames) < MAX_FRAMES_KEPT:
            self.frames.append(record)
        else:
            self.frames_not_kept += 1

    def result(self, response: H2Response) -> H2Response:
        """``response`` filled with what the connection showed (outcome and stream end are the transport's)."""
        response.settings_received = self.settings_received
        response.settings = {setting_name(code): value for code, value in self.settings.items()}
        response.status = self.status
        response.fields = self.fields
        response.headers = Headers([(name.decode("latin-1"), value.decode("latin-1"))
                                    for name, value in self.fields if not name.startswith(b":")])
        response.interim = self.interim
        response.error_code = self.error_code
        response.goaway = self.goaway
        response.data = bytes(self.data)
        response.frames = self.frames
        response.frames_not_kept = self.frames_not_kept
        return response
