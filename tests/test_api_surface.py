"""`import realpolitik` exposes the pipeline's entry points without loading heavy parts up front."""
import subprocess
import sys

import realpolitik


def test_every_public_name_resolves():
    for name in realpolitik.__all__:
        assert getattr(realpolitik, name) is not None, name


def test_import_is_light():
    code = "import sys, realpolitik; print(int('spacy' in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_unknown_name_is_an_attribute_error():
    try:
        realpolitik.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
