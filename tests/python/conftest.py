"""Shared fixtures: paths from the environment set by tests/python/python.cmake."""
import os
import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent
SOURCE_DIR = pathlib.Path(os.environ.get("REGINT_SOURCE_DIR", HERE.parent.parent))
TEST_DIR = pathlib.Path(os.environ.get("REGINT_TEST_DIR", HERE.parent))
DATA_DIR = pathlib.Path(os.environ.get("REGINT_SOURCE_DATA_DIR", SOURCE_DIR / "data"))


@pytest.fixture(scope="session")
def oracle_dir():
    return TEST_DIR / "oracles"


@pytest.fixture(scope="session")
def data_dir():
    return DATA_DIR


@pytest.fixture(scope="session")
def cli():
    """Path of the C command-line tool (REGINT_CLI, always set by ctest). A test that
    needs it fails without it: tests are never skipped."""
    path = os.environ.get("REGINT_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.fail(f"REGINT_CLI is {path!r}, not an executable: run through ctest or set "
                    "REGINT_CLI=<build>/examples/cli/regint", pytrace=False)
    return path
