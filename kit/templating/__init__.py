"""Templating: the sandbox every template runs in; the check compiles them, compose renders."""
