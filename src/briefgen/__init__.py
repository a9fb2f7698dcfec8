"""briefgen: speeches compiled into GB/T 9704 documents and one-page briefs."""

__version__ = "0.1.0"
