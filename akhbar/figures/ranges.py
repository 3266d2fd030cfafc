"""Ranges: «بين 10 و20», «ما بين 100 ريال إلى ألف ريال», «من 10 إلى 20»; the unit after
the second number is the range's («من 10 إلى 12 الشهر الجاري» is not months)."""

from __future__ import annotations

import re

from akhbar.figures import guards as G
from akhbar.figures import lexicon as L
from akhbar.figures.guards import _R
from akhbar.figures.numbers import Number, is_int
from akhbar.figures.tokens import TokenView


class RangeParser(TokenView):
    def parse_between(self, i: int):
        w = self.w(i)
        if w not in ("بين", "وبين", "فبين") and not (w == "ما" and self.w(i + 1) == "بين"):
            return None
        t = self.toks[i + 1] if w == "ما" else self.toks[i]  # the span starts at «بين»
        a = t.a + (1 if w in ("وبين", "فبين") else 0)
        j = i + (2 if w == "ما" else 1)
        year_ctx = False
        if self.w(j) in L.YEAR_WORDS:
            year_ctx = True
            j += 1
        if self.w(j) == "ال" and j + 1 < self.n and self.toks[j + 1].k == "n":
            j += 1  # «بين الـ1 و2%»
        if self.w(j) in L.APPROX_BEFORE_RANGE and j + 1 < self.n and self.toks[j + 1].k == "n":
            j += 1  # «بين نحو 6 آلاف و8 آلاف مقاتل»: a range, its bounds approximate
        n1 = self.parse_number(j, prefixes=())
        if not n1 or n1.value is None:
            return self.dual_to_number(i, a, j)
        v1, e1 = n1.value, n1.end
        k = e1
        u1 = self.unit_at(k, allow_fallback=False)
        if u1 and self.w(u1[2]) in ("الي", "حتي"):  # «ما بين 100 ريال إلى ألف ريال»
            k = u1[2]
            n1.unit = u1
            n2 = self.parse_number(k + 1, prefixes=())
            if not n2 or n2.value is None:
                return None
            return self.finish_range(i, a, v1, n1, n2, year_ctx, either_order=True)
        if u1 and (self.w(u1[2]) == "و" or (self.w(u1[2]) or "").startswith("و")):
            k = u1[2]  # «بين 12 بالمائة و15 بالمائة»
            n1.unit = u1
        n2 = self.second_bound(k)  # «بين 20 أو 30», «ما بين 1,28 إلى 0,04 في المئة»
        if not n2 or n2.value is None:
            return None
        return self.finish_range(i, a, v1, n1, n2, year_ctx, either_order=True)

    def second_bound(self, k: int) -> Number | None:
        """The upper bound of «بين X و/أو/إلى/حتى Y» after the first bound ends at token ``k``
        («و» a word of its own or glued to the number); None when no such word opens it."""
        if self.w(k) in ("و", "او", "الي", "حتي"):
            return self.parse_number(k + 1, prefixes=())
        if self.w(k) and self.w(k).startswith("و") and self.toks[k].k == "w":
            return self.parse_number(k, prefixes=("و",))
        return None

    def dual_to_number(self, i: int, a: int, j: int):
        """«ما بين عامين إلى ثلاثة أعوام», «بين يومين وخمسة أيام»: a dual of a duration as the lower
        bound, the number after «إلى / و» with the same unit as the upper."""
        r = self.parse_duration_dual(j)
        if r is None or r.fields is None or r.fields.get("value") != 2.0:
            return None
        n2 = self.second_bound(r.end)
        if not n2 or n2.value is None or not 2 < n2.value <= 10:
            return None
        u = self.unit_at(n2.end, allow_fallback=False, plural=True)
        if u is None or (u[0], u[1]) != (r.fields["kind"], r.fields["unit"]):
            return None
        return _R(u[2], a, self.toks[u[2] - 1].b, {"value": None, "value_low": 2.0, "value_high": float(n2.value),
                                                   "qualifier": "range", "kind": u[0], "unit": u[1]})

    def parse_from_to(self, i: int):
        w = self.w(i)
        if w not in ("من", "ومن"):
            return None
        if G.change_context(self, i):
            return None
        a = self.toks[i].a + (1 if w == "ومن" else 0)
        j = i + 1
        year_ctx = False
        if self.w(j) in L.YEAR_WORDS:
            year_ctx = True
            j += 1
        n1 = self.parse_number(j, prefixes=())
        if not n1 or n1.value is None:
            return None
        v1, e1 = n1.value, n1.end
        if self.w(e1) not in ("الي", "حتي") and self.p(e1) not in L.DASHES and not year_ctx:
            # «من 150 ريال إلى 300 ريال»: the unit written on both ends
            u1 = self.unit_at(e1, allow_fallback=False)
            if u1 is None or u1[0] not in ("money", "measure", "duration") or self.w(u1[2]) not in ("الي", "حتي"):
                return None
            n2 = self.parse_number(u1[2] + 1, prefixes=())
            if not n2 or n2.value is None:
                return None
            r = self.finish_range(i, a, v1, n1, n2, False)
            return r if r is not None and r.fields and r.fields.get("unit") == u1[1] else None
        if self.w(e1) not in ("الي", "حتي") and self.p(e1) not in L.DASHES:
            return None
        k = e1 + 1
        if year_ctx and self.w(k) in L.YEAR_WORDS:
            k += 1
        n2 = self.parse_number(k, prefixes=())
        if not n2 or n2.value is None:
            return None
        return self.finish_range(i, a, v1, n1, n2, year_ctx)

    def finish_range(self, i: int, a: int, v1: float, n1: Number, n2: Number, year_ctx: bool,
                     allow_unitless_year: bool = True, either_order: bool = False):
        """The range from ``v1`` (the value of ``n1``, or of a number before it) to ``n2``;
        ``either_order``: «بين» names its bounds in either order («تراوحت ما بين 5.98% إلى
        2.44%»), «من … إلى» going down is a change, not a range."""
        v2, e2 = n2.value, n2.end
        if n2.last_scale and not n1.last_scale and v1 * n2.last_scale <= v2:
            v1 = v1 * n2.last_scale
        if either_order and v2 < v1 and not year_ctx and not any(
                re.fullmatch(r"\d{1,3}[.,]\d{3}", self.toks[num.end - 1].t) for num in (n1, n2)):
            v1, v2 = v2, v1  # (not «بين 695 و2.500 دولار»: a thousands point read as a decimal one)
        if not v1 < v2:
            return None
        end = e2
        days = self.day_pair(n1, n2, v1, v2, end)
        if days is not None:
            return days
        last_kind = n2.atoms[-1][1] if n2.atoms else "vague"
        # «من 10 إلى 12 الشهر الجاري» is not «months»
        unit = self.unit_at(end, definite_ok=last_kind in ("scale", "plural", "dual", "defscale", "vague"))
        bracket = None
        if unit is None and self.p(end) == ")" and end + 1 < self.n and not year_ctx:
            k1 = next((k for k, t in enumerate(self.toks) if t.a <= n1.a < t.b), 0)
            if k1 > 0 and self.p(k1 - 1) == "(" and self.toks[end + 1].k == "w" \
                    and not self.raw_word(end + 1).startswith("ال"):
                unit = self.unit_at(end + 1)  # «من (200- 400) كلمة»: a bracketed range, its noun after the bracket
                bracket = k1 - 1 if unit is not None else None
        kind, u = "count", None
        yearish = all(
            num.digits and len(num.atoms) == 1 and is_int(v) and 1000 <= v <= 2200
            for v, num in ((v1, n1), (v2, n2))
        )
        if year_ctx or (yearish and (unit is None or unit[0] == "count")):
            kind = "year"
        elif unit:
            kind, u, end = unit
        elif n1.unit:
            kind, u = n1.unit[0], n1.unit[1]
        q = self.post_qualifier(end)
        if q and kind != "year":
            end = q[1]
        b = self.toks[end - 1].b
        if bracket is not None:
            a = min(a, self.toks[bracket].a)
        return _R(end, a, b, {"value": None, "value_low": float(v1), "value_high": float(v2),
                              "qualifier": "range", "kind": kind, "unit": u})

    def day_pair(self, n1: Number, n2: Number, v1: float, v2: float, end: int):
        """«ما بين 10 و15 أغسطس», «من 2 - 11 شوال»: two days of the month named after the second,
        each a date (the first as written alone, the month read from the second)."""
        if not (n1.digits and n2.digits and is_int(v1) and is_int(v2) and 1 <= v1 < v2 <= 31):
            return None
        mo = self.month_at(end)
        if mo is None:
            return None
        cal, m, mend = mo
        second = self.date_tail(n2.end - 1, end, self.toks[n2.end - 1].a, int(v2), cal, m, mend)
        first = self.date_tail(n1.end - 1, end, self.toks[n1.end - 1].a, int(v1), cal, m, mend)
        if second is None or second.fields is None or first is None or first.fields is None:
            return None
        first.b = self.toks[n1.end - 1].b  # «10» alone; its month is the second's
        first.end, first.then = second.end, second
        return first

