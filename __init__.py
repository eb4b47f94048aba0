"""wenshu (文书): generates school work plans, duty lists and summaries as Word documents."""

__version__ = "0.1.0"
