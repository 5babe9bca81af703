"""Fixtures shared by the load tests."""

from __future__ import annotations

import pytest

from kit.load import yamlfile


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml and again with the pure-Python parser."""
    if request.param == "libyaml":
        if yamlfile._FAST is None:
            pytest.skip("PyYAML was built without libyaml")
    else:
        monkeypatch.setattr(yamlfile, "_FAST", None)
    return request.param
