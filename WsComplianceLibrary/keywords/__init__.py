"""Keyword components, composed into the library class by robotlibcore: target, opening handshake, frames, HTTP/2."""

from .assertions import AssertionKeywords
from .exchange import ExchangeKeywords
from .rules import RuleKeywords
from .target import TargetKeywords

__all__ = ["AssertionKeywords", "ExchangeKeywords", "RuleKeywords", "TargetKeywords"]
