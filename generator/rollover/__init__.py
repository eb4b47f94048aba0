"""`wenshu rollover`: carry a spec over to a new 学年/学期 or 年度."""

from .core import Change, ReviewItem, RolloverResult, rollover
from .period import RolloverError

__all__ = ["Change", "ReviewItem", "RolloverError", "RolloverResult", "rollover"]
