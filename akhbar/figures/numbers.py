"""Number phrases: digits and number words read into a value, or a magnitude for vague
amounts («آلاف», «عشرات الآلاف», «عدة مئات»).

:meth:`NumberReader.parse_number` reads the phrase at a token into *atoms* (a value and its
kind: ``unit`` 1-10, ``teen``, ``ten``, ``hundred``, ``scale``, ``dual``, ``plural``,
``vague``, ``frac``, ``digits``; see :mod:`akhbar.figures.lexicon`) and combines them.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.figures import lexicon as L
from akhbar.figures.tokens import TokenView, ra_value
from akhbar.text import proclitic_stems as _strip


def is_int(v: float | None) -> bool:
    return v is not None and float(v).is_integer()


@dataclass(slots=True)
class Number:
    """A number phrase read at a token (:meth:`NumberReader.parse_number`)."""

    value: float | None  # None for vague amounts (then ``magnitude`` is set)
    magnitude: float | None
    end: int  # the token after the phrase
    a: int  # start offset in the matching form (after a proclitic)
    digits: bool  # the first atom is a digit token
    atoms: list[tuple[float, str, bool]]  # (value, kind, joined by «و»)
    last_scale: float | None = None  # the last scale word's value («ثلاثة ملايين»: 1e6)
    lone_unit: bool = False  # a lone 1-10 or teen word («ست»: too ambiguous alone)
    frac_only: bool = False  # a lone fraction word («نصف»)
    by: bool = False  # «بالآلاف»: a magnitude by the thousands
    unit: tuple[str, str | None, int] | None = None  # a range's first number: its own unit, when written


def stem_of_scale(atoms) -> str | None:
    """The folded word of the scale atom before «ونصف» («مليون ونصف مليون»: the half repeats it)."""
    v, k, _ = atoms[-2] if len(atoms) >= 2 else (None, None, None)
    return L.SCALE_WORDS.get(v) if k == "scale" else None


class NumberReader(TokenView):
    def number_word(self, w: str, prefixes=("و", "ب", "ل", "ف"), raw: str | None = None):
        """(value, kind, proclitic length) of a number word; ``raw`` is the word as written,
        which tells «ميتا» (dead) from «مئتا» (200)."""
        if w in L.NOT_NUMBERS:
            return None
        if "ميت" in w and raw is not None and "ئ" not in raw and "مائت" not in raw:
            return None  # «ميتا» (dead) folds like «مئتا» (200)
        for stem, pl in _strip(w, prefixes):
            hit = L.NUMBER_WORDS.get(stem)
            if hit:
                return hit[0], hit[1], pl
        return None

    def parse_number(self, i: int, prefixes=("و", "ب", "ل", "ف")) -> Number | None:
        """The number phrase at token i, or None."""
        toks = self.toks
        t = toks[i] if i < self.n else None
        if t is None:
            return None
        atoms: list[tuple[float, str, bool]] = []  # (value, kind, joined_by_wa)
        a = t.a
        j = i
        # vague determiners: «عدة مئات», «بضعة آلاف»
        few = False
        if t.k == "w":
            for stem, pl in _strip(t.t, prefixes):
                if stem in L.FEW:
                    few = True
                    a = t.a + pl
                    j = i + 1
                    break
            if not few:
                for stem, pl in _strip(t.t, ("و", "ف")):
                    if stem in L.BY_THE:
                        return Number(None, L.BY_THE[stem], i + 1, t.a + pl, False, [], by=True)
        if j >= self.n:
            return None
        t = toks[j]
        if t.k == "n":
            if t.v is None or few:
                return None
            v = t.v
            if (
                self.p(j + 1) == "،" and self.adjacent(j + 1) and j + 2 < self.n and self.toks[j + 2].k == "n"
                and self.adjacent(j + 2) and len(self.toks[j + 2].t) <= 2 and self.toks[j + 2].t.isdigit()
                and L.NUMBER_WORDS.get(self.w(j + 3) or "", (0, ""))[1] in ("scale", "plural")
            ):
                v = float(t.t + "." + self.toks[j + 2].t)  # «نحو 1،9 مليون»: a decimal comma
                j += 2
            elif "ر" in t.t and L.NUMBER_WORDS.get(self.w(j + 1) or "", (0, ""))[1] in ("scale", "plural"):
                v = ra_value(t.t, fraction=True)  # «423ر2 مليون برميل» = 2.423 million (not 2,423 million)
            atoms.append((v, "digits", False))
            j += 1
        elif t.k == "w":
            o1, o2 = self.orig(t.a, t.b)
            hit = self.number_word(t.t, prefixes if not few else (), raw=self.text[o1:o2])
            if not hit and not few and t.t.startswith("ال"):
                # definite number + scale after «تجاوز»: «الأربعة ملايين», «المائة ألف», «النصف مليار»
                h0 = L.NUMBER_WORDS.get(t.t[2:])
                h1 = L.NUMBER_WORDS.get(self.w(j + 1) or "")
                if h0 and h0[1] in ("unit", "ten", "hundred", "small", "frac") and h1 and h1[1] in ("scale", "plural"):
                    hit = (h0[0], h0[1], 0)
                elif h0 and h0[1] in ("unit", "weak") and h0[0] < 10 and self.w(j + 1) in L.TEEN_TEN \
                        and not (j > 0 and (self.w(j - 1) or "").startswith(("ال", "وال", "بال"))):
                    hit = (h0[0], h0[1], 0)  # a definite teen: «الثمانية عشر شهراً» (not 10); after a
                    # definite noun the numeral agrees with it («الدول التسع»: see parse_definite_number)
            if not hit:
                return None
            v, k, pl = hit
            if k in ("scale", "dual", "plural") and self.verb_vowelled(j, pl):
                return None  # «أُلِّف» (was written), vowelled as a verb
            if not few:
                a = t.a + pl
            if k == "scale" and t.t[pl:].endswith("ا") and not self.has_tanween(j) and self.noun_follows(j + 1):
                v, k = 2 * v, "dual"  # «ألفا جندي» = 2000 soldiers (dual construct)
            atoms.append((v, k, False))
            j += 1
        else:
            return None
        # continuation
        while j < self.n:
            t = toks[j]
            pv, pk, _ = atoms[-1]
            if t.k == "w":
                stem = t.t
                # vague + definite plural scale: «عشرات الآلاف»
                if pk == "vague" and stem in L.DEFINITE_PLURAL_SCALES:
                    atoms.append((L.DEFINITE_PLURAL_SCALES[stem], "defscale", False))
                    j += 1
                    break
                if pk == "vague" and L.NUMBER_WORDS.get(stem, (0, ""))[1] == "plural":
                    atoms.append((L.NUMBER_WORDS[stem][0], "defscale", False))  # «عشرات آلاف»
                    j += 1
                    break
                hit = L.NUMBER_WORDS.get(stem)
                if hit:
                    v, k = hit
                    if stem in L.TEEN_TEN and pk in ("unit", "weak") and pv < 10:
                        atoms[-1] = (pv + 10, "teen", atoms[-1][2])
                        j += 1
                        continue
                    if k == "hundred" and pk == "unit" and 3 <= pv <= 9:
                        atoms.append((v, k, False))
                        j += 1
                        continue
                    if k in ("scale", "plural") and pk in ("digits", "unit", "teen", "ten", "small",
                                                           "hundred", "frac", "weak_ok"):
                        atoms.append((v, k, False))
                        j += 1
                        continue
                    break
                # «و» + number word
                if stem.startswith("و") and len(stem) > 2:
                    hit = L.NUMBER_WORDS.get(stem[1:])
                    if hit and self._conj_ok(atoms, hit[0], hit[1]):
                        atoms.append((hit[0], hit[1], True))
                        j += 1
                        nxt = self.w(j)
                        if hit[1] == "frac" and nxt and (nxt.startswith("ال") and nxt[2:] in L.NUMBER_WORDS
                                                         or nxt == stem_of_scale(atoms)):
                            j += 1  # «مليون ونصف المليون», «مليون ونصف مليون»
                        continue
                # «و» written apart + number word: «واحد و عشرون», «ثلاثة و عشرون»
                if stem == "و" and j + 1 < self.n and toks[j + 1].k == "w":
                    hit = L.NUMBER_WORDS.get(toks[j + 1].t)
                    if hit and hit[1] != "frac" and self._conj_ok(atoms, hit[0], hit[1]):
                        atoms.append((hit[0], hit[1], True))
                        j += 2
                        continue
                # «و» + digits after a scale: «مليون و200 ألف»
                if (
                    stem == "و"
                    and j + 1 < self.n
                    and toks[j + 1].k == "n"
                    and toks[j + 1].v is not None
                    and pk in ("scale", "dual", "plural")
                    and toks[j + 1].v < pv
                    and not L.NUMBER_WORDS.get(self.w(j + 2) or "", (0, ""))[0] >= pv
                ):
                    # (not «بين 6 آلاف و8 آلاف»: a second amount of the same scale, not a part of the first)
                    atoms.append((toks[j + 1].v, "digits", True))
                    j += 2
                    continue
            break
        return self._value(atoms, few, a, j)

    @staticmethod
    def _conj_ok(atoms, v: float, k: str) -> bool:
        pv, pk, _ = atoms[-1]
        if k == "frac":
            return pk in ("scale", "dual", "plural", "digits", "unit", "teen", "ten", "small")
        if k == "ten":
            return (pk in ("unit", "weak") and pv < 10) or pk in ("small", "hundred", "scale", "dual", "plural")
        if k in ("unit", "weak"):
            return pk in ("small", "hundred", "scale", "dual", "plural")
        if k == "teen":
            return pk in ("small", "hundred", "scale", "dual", "plural")
        if k in ("small", "hundred"):
            return pk in ("scale", "dual", "plural")
        if k in ("scale", "dual"):
            return pk in ("scale", "dual", "plural") and v < pv
        return False

    def _value(self, atoms, few: bool, a: int, j: int) -> Number | None:
        kinds = [k for _, k, _ in atoms]
        digits = kinds[0] == "digits"
        # vague
        if kinds[0] == "vague":
            mag = float(atoms[0][0] * (atoms[1][0] if len(atoms) > 1 and kinds[1] == "defscale" else 1))
            return Number(None, mag, j, a, digits, atoms)
        if few:
            if kinds[0] in ("plural", "scale", "hundred"):
                return Number(None, float(atoms[0][0]), j, a, digits, atoms)
            return None
        if kinds[0] == "plural" and len(atoms) == 1:
            return Number(None, atoms[0][0], j, a, digits, atoms)
        if len(atoms) == 1 and kinds[0] == "weak":
            return None
        total = 0.0
        cur: float | None = None
        last_scale = None
        prev_kind = None
        for v, k, conj in atoms:
            if k in ("digits", "unit", "weak", "ten", "small", "teen"):
                cur = (cur or 0) + v
            elif k == "hundred":
                if cur is not None and prev_kind == "unit" and not conj and cur < 10:
                    cur *= 100
                else:
                    cur = (cur or 0) + 100
            elif k in ("scale", "plural"):
                total += (cur if cur is not None else 1) * v
                cur = None
                last_scale = v
            elif k == "dual":
                total += v
                cur = None
                last_scale = v / 2
            elif k == "frac":
                if conj and last_scale and cur is None:
                    total += v * last_scale
                else:
                    cur = (cur or 0) + v
            prev_kind = k
        total += cur or 0
        return Number(total, None, j, a, digits, atoms, last_scale=last_scale,
                      lone_unit=len(atoms) == 1 and kinds[0] in ("unit", "teen"),
                      frac_only=len(atoms) == 1 and kinds[0] == "frac")
