"""Registers every 文种 with its model and checks."""

from __future__ import annotations

from .duty import DutySpec
from .duty_checks import check_duty
from .loader import register_kind
from .plan import PlanSpec
from .plan_checks import check_plan
from .summary import SummarySpec
from .summary_checks import check_summary

register_kind("工作计划", PlanSpec, check_plan)
register_kind("工作职责", DutySpec, check_duty)
register_kind("工作总结", SummarySpec, check_summary)
