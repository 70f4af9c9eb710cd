"""frontyard: a local emulator of the Amazon CloudFront edge."""

__version__ = "0.1.0"
