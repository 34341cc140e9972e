"""The services fixtures (a real store in a temporary folder) for the record's tests."""

from tests.services.conftest import body, meeting, store, svc

__all__ = ["body", "meeting", "store", "svc"]
