"""shuangshi-cli: how far each plan target is, what growth it needs, and whether it is on track."""

__version__ = "0.1.0"
