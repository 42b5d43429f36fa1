"""atdscore: score, rank and explain how far states have ended the immigration detention of children."""

__version__ = "0.1.0"
