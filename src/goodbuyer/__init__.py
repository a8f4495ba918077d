"""goodbuyer: know every customer of a store, keep the good ones, stop the bad ones early."""

__version__ = "0.1.0"
__all__ = ["__version__"]
