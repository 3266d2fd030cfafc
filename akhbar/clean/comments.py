"""Comment forms and comment-section notices.

Strong lines («اترك تعليقاً», «أضف تعليق», «لن يتم نشر عنوان بريدك الإلكتروني»,
«إرسال التعليق», «لا توجد تعليقات», «تعليقات الزوار (3)», a moderation policy addressed to
the reader «المرجو عدم تضمين تعليقاتكم عبارات مسيئة …») are removed wherever they are, as
long as they are short.  Bare form labels («الاسم», «البريد الإلكتروني», «الموقع», «التعليق», «إرسال»)
only when they stand next to a strong line or to each other in a block with one."""

from __future__ import annotations

import re

from akhbar.clean._text import Line, line_memo

_STRONG = re.compile(
    r"(?:"
    r"^(?:اترك|اضف|أضف|اكتب|شارك(?:نا)?|ادل) (?:ب)?(?:تعليق|تعليقك|تعليقا|رايك|ردا|رد)(?: .{0,40})?$"
    r"|^(?:اترك|اضف|اكتب) (?:تعليق|تعليقا|ردا) (?:الغاء الرد|علي .{0,40})$"
    r"|بريدك الالكتروني"
    r"|الحقول (?:الالزاميه|المطلوبه)"
    r"|^(?:ارسال|نشر|اضافه|اعتماد) (?:ال)?(?:تعليق|رد)$"
    r"|^(?:لا توجد|لا يوجد) (?:اي )?(?:تعليقات|تعليق|ردود)(?: .{0,30})?$"
    r"|^كن (?:اول|اول من) (?:من )?(?:يعلق|يضيف تعليقا|يعلق علي .{0,40})$"
    r"|^(?:عدد )?(?:التعليقات|تعليقات|تعليق|ردود) ?\d+$|^\d+ (?:تعليق|تعليقات|ردود|رد)$"
    r"|^(?:التعليقات|تعليقات|تعليقات القراء|اراء القراء)(?: \(?\d+\)?)?$"
    r"|^(?:تعليقات|اراء) (?:الزوار|الاعضاء|المتابعين|القراء الكرام)(?: \d+)?$"
    # moderation policy: «المرجو عدم تضمين تعليقاتكم عبارات مسيئة …», «يرجى الالتزام بآداب التعليق»
    r"|^(?:المرجو|نرجو|يرجي|الرجاء|نامل) (?:من .{0,25})?(?:عدم|الالتزام|الابتعاد|التقيد) .{0,60}"
    r"(?:تعليق|التعليق|تعليقات|التعليقات|تعليقاتكم|تعليقك|الردود)"
    r"|(?:تعليقاتكم|تعليقاتك|تعليقك) .{0,40}(?:مسييه|المسييه|خادشه|الخادشه)"  # addressed to the reader
    r"|^(?:احفظ|حفظ) اسمي"
    r"|^الغاء الرد$"
    r"|(?:التعليقات|الاراء) (?:المنشوره )?(?:الوارده )?(?:لا تعبر|تعبر عن (?:راي )?(?:اصحابها|كاتبيها))"
    r"|^(?:سياسه|شروط|قواعد) (?:التعليقات|التعليق|النشر)$"
    r"|^يجب (?:عليك )?تسجيل الدخول (?:ل|من اجل )?(?:كتابه |نشر )?(?:تعليق|التعليق)"
    r")"
)
_LABEL = re.compile(
    r"^(?:الاسم|اسمك|الاسم الكامل|البريد الالكتروني|البريد|الايميل|الموقع|الموقع الالكتروني|"
    r"موقعك|التعليق|تعليقك|نص التعليق|عنوان التعليق|ارسال|نشر|رد|الرد|email|name|website|comment|submit)$"
)


@line_memo
def is_strong_comment(line: Line) -> bool:
    return line.n_words <= 25 and bool(_STRONG.search(line.key))


@line_memo
def is_form_label(line: Line) -> bool:
    return line.n_words <= 4 and bool(_LABEL.match(line.key))


def find_comment_lines(lines: list[Line], taken: set[int]) -> dict[int, tuple[str, float]]:
    out: dict[int, tuple[str, float]] = {}
    for i, ln in enumerate(lines):
        if i not in taken and is_strong_comment(ln):
            out[i] = ("comment_notice", 0.97)
    # extend to adjacent bare labels, both directions, through chains of labels
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines):
            if i in out or i in taken or not is_form_label(ln):
                continue
            if (i - 1 in out and out[i - 1][0].startswith("comment")) or (
                i + 1 in out and out[i + 1][0].startswith("comment")
            ):
                out[i] = ("comment_form_label", 0.9)
                changed = True
    return out
