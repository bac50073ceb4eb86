"""A stand-in Thai catalog for her copy, so tests and renders put real Thai on the page.

These translations were written for the tests, before the shipped drafts existed; they stay so
that the tests do not change whenever a translator improves the catalog. They are NOT reviewed
translations and must never be copied into locales/: the shipped texts come from the
``questions`` catalogs.
"""

from __future__ import annotations

SAMPLE_TH = {
    "About your information": "เกี่ยวกับข้อมูลของคุณ",
    "On {date}, with your agreement, we gave some of your information to the organisation below.":
        "เมื่อวันที่ {date} เราได้ให้ข้อมูลบางส่วนของคุณแก่หน่วยงานด้านล่าง โดยได้รับความยินยอมจากคุณ",
    "Who received it": "ผู้รับข้อมูล",
    "Why": "เหตุผล",
    "What we shared": "ข้อมูลที่เราให้ไป",
    "You can tell us at any time that you no longer agree. We will then stop giving your information. "
    "Information already given cannot be taken back.":
        "คุณบอกเราได้ทุกเมื่อว่าไม่ยินยอมอีกต่อไป แล้วเราจะหยุดให้ข้อมูลของคุณ "
        "แต่ข้อมูลที่ให้ไปแล้วไม่สามารถเรียกคืนได้",
    "You can ask us why we did this, and tell us if you do not agree.":
        "คุณถามเราได้ว่าทำไมเราจึงทำเช่นนี้ และบอกเราได้หากคุณไม่เห็นด้วย",
    "If you have questions, call us:": "หากมีคำถาม โทรหาเราได้ที่:",
    "You do not have to keep this paper. If it is not safe for you to carry it, we can keep it for you.":
        "คุณไม่จำเป็นต้องเก็บกระดาษนี้ไว้ หากการพกกระดาษนี้ไม่ปลอดภัยสำหรับคุณ เราเก็บไว้ให้ได้",
    "The name you use with us": "ชื่อที่คุณใช้กับเรา",
    "Your full name": "ชื่อและนามสกุลของคุณ",
    "Your date of birth or age": "วันเกิดหรืออายุของคุณ",
    "Your sex": "เพศของคุณ",
    "Your nationality": "สัญชาติของคุณ",
    "The languages you speak": "ภาษาที่คุณพูด",
    "Your visa (status of residence)": "วีซ่าของคุณ (สถานภาพการพำนัก)",
    "The date your permission to stay ends": "วันที่การอนุญาตให้พำนักของคุณสิ้นสุด",
    "Whether it is safe to contact you": "ติดต่อคุณได้อย่างปลอดภัยหรือไม่",
    "How to contact you safely": "วิธีติดต่อคุณอย่างปลอดภัย",
    "Our notes about what you need": "บันทึกของเจ้าหน้าที่เกี่ยวกับสิ่งที่คุณต้องการ",
    "A summary of what you told us in the interview": "สรุปสิ่งที่คุณเล่าให้เราฟังในการสัมภาษณ์",
    "Your answers in the interview": "คำตอบของคุณในการสัมภาษณ์",
    "Your answers about your work": "คำตอบของคุณเกี่ยวกับงานของคุณ",
    "Why we think they can help you": "เหตุผลที่เราคิดว่าหน่วยงานนี้ช่วยคุณได้",
    "Police": "ตำรวจ",
    "Immigration Services Agency (the office for visas)": "สำนักงานตรวจคนเข้าเมือง (หน่วยงานเรื่องวีซ่า)",
    "Child guidance centre (help for children)": "ศูนย์ให้คำปรึกษาเด็ก (ช่วยเหลือเด็ก)",
    "A safe place to stay (shelter)": "ที่พักที่ปลอดภัย (บ้านพักฉุกเฉิน)",
    "Japan Legal Support Center (free legal advice)": "ศูนย์ช่วยเหลือทางกฎหมายแห่งญี่ปุ่น (ปรึกษากฎหมายฟรี)",
    "Labour Standards Inspection Office (problems at work)": "สำนักงานตรวจแรงงาน (ปัญหาเรื่องงาน)",
    "IOM (International Organization for Migration)": "IOM (องค์การระหว่างประเทศเพื่อการโยกย้ายถิ่นฐาน)",
    "The embassy or consulate of your country": "สถานทูตหรือสถานกงสุลของประเทศคุณ",
    "to keep you safe": "เพื่อให้คุณปลอดภัย",
    "so that the police can investigate what was done to you": "เพื่อให้ตำรวจสืบสวนสิ่งที่เกิดขึ้นกับคุณ",
    "so that you can get permission to stay in Japan": "เพื่อให้คุณได้รับอนุญาตให้อยู่ในญี่ปุ่น",
    "so that you can change or extend your visa": "เพื่อให้คุณเปลี่ยนหรือต่ออายุวีซ่าได้",
    "to protect you, because you are under 18": "เพื่อคุ้มครองคุณ เพราะคุณอายุต่ำกว่า 18 ปี",
    "so that you have a safe place to stay": "เพื่อให้คุณมีที่พักที่ปลอดภัย",
    "to get advice from a lawyer": "เพื่อขอคำปรึกษาจากทนายความ",
    "to deal with problems at your work, such as unpaid wages": "เพื่อจัดการปัญหาในที่ทำงาน เช่น ไม่ได้รับค่าจ้าง",
    "to help you go home safely, if you want to": "เพื่อช่วยให้คุณกลับบ้านอย่างปลอดภัย หากคุณต้องการ",
    "so that you can get a passport or travel document": "เพื่อให้คุณได้รับหนังสือเดินทางหรือเอกสารเดินทาง",
    "On {date}, we gave some of your information to the organisation below without asking you first, "
    "because the law requires it.":
        "เมื่อวันที่ {date} เราได้ให้ข้อมูลบางส่วนของคุณแก่หน่วยงานด้านล่างโดยไม่ได้ถามคุณก่อน "
        "เพราะกฎหมายกำหนดให้ต้องทำ",
    "On {date}, we gave some of your information to the organisation below without asking you first, "
    "to protect your life or safety.":
        "เมื่อวันที่ {date} เราได้ให้ข้อมูลบางส่วนของคุณแก่หน่วยงานด้านล่างโดยไม่ได้ถามคุณก่อน "
        "เพื่อปกป้องชีวิตและความปลอดภัยของคุณ",
}


def sample_ctext(message: str, lang: str) -> str:
    from app.i18n.content import ctext

    if lang == "th" and message in SAMPLE_TH:
        return SAMPLE_TH[message]
    return ctext(message, lang)


def use_sample_catalog(patch_attr) -> None:
    """Point her copy's ``ctext`` at the samples; ``patch_attr(obj, name, value)``."""
    from app.referrals import her_copy

    patch_attr(her_copy, "ctext", sample_ctext)
