"""Sans-I/O builders and readers of what goes over the wire, one subpackage per protocol.

Nothing here touches a socket: builders return bytes, readers are fed bytes
and report what they saw, including every rule the peer broke.
"""
