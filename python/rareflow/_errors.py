"""Errors raised by rareflow, carrying the same diagnostics the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One problem in an input: where (file, line, column; line 0 when it has none, as for a
    scenario built from a dict, where ``field`` is the key path such as ``policy[0].share``),
    the field, and what was expected against what was found."""

    file: str
    line: int
    column: int
    field: str
    message: str
    text: str = ""

    def __str__(self) -> str:
        return self.text or f"{self.file}: {self.field}: {self.message}"


class Error(RuntimeError):
    """A run that could not be done (solver failure, a file that cannot be written)."""


class InputError(ValueError):
    """Bad input: ``diagnostics`` lists every problem found, as the CLI prints them."""

    def __init__(self, message: str, diagnostics=()):
        super().__init__(message.rstrip("\n"))
        self.diagnostics = [d if isinstance(d, Diagnostic) else Diagnostic(**d) for d in diagnostics]
