"""Registers every 文种 with its model and checks."""

from __future__ import annotations

from .loader import register_kind
from .plan import PlanSpec
from .plan_checks import check_plan

register_kind("工作计划", PlanSpec, check_plan)
