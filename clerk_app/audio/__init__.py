"""Sound of the meeting: recording to a file that survives a crash, and playing it back.

Nothing here is imported when Clerk starts: the recording window part imports these
modules the first time the clerk records or plays, and only :mod:`devices` imports the
sound library (miniaudio), inside the functions that open a device.
"""
