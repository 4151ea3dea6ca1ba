"""Keyword components, composed into the library class by robotlibcore."""

from .assertions import AssertionKeywords
from .exchange import ExchangeKeywords
from .rules import RuleKeywords
from .target import TargetKeywords

__all__ = ["AssertionKeywords", "ExchangeKeywords", "RuleKeywords", "TargetKeywords"]
