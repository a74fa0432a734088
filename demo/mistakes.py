"""The mistakes offices lose points for, planted into generated documents on purpose.

Each function returns a changed copy of an `OfficialDoc` (or bytes for an identity number), so
the demo can say exactly which file carries which mistake and the tests can find it again.
Stable ids name the mistakes in `DemoSummary.mistakes`; MISTAKE_NAMES gives their Chinese names.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from demo.texts import OfficialDoc, Paragraph, Table, person_name
from demo.vocabulary import FOREIGN_CITIES

MISTAKE_NAMES = {
    "date_outside_window": "材料日期不在时间范围内",
    "template_leftover": "模板占位内容未替换（XX同志、第X名、×××）",
    "foreign_city": "照抄外市材料，残留其他城市名称",
    "docno_brackets": "文号括号不规范（应为〔〕）",
    "personal_data": "未脱敏的身份证号和手机号码",
    "no_data_report": "总结式情况说明，缺少措施、成效和数据",
    "duplicate": "同一文件重复放在两个条目下",
    "encrypted": "PDF 加密，无法打开",
    "corrupt": "文件损坏（DOCX 被截断）",
    "empty": "空文件",
    "wrong_extension": "扩展名与内容不符（JPEG 图片改名为 .pdf）",
    "low_resolution": "图片分辨率过低",
    "no_caption": "图片没有文字说明",
    "long_filename": "文件名过长",
    "missing_item": "已分工的测评标准没有任何材料",
}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643 check character of an 18-digit 公民身份号码."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_number(rng: random.Random) -> str:
    """A well-formed (checksum-valid) identity number of an adult born 1960–2000."""
    region = rng.choice(("411302", "410102", "420106", "320102", "370202"))
    born = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
    first17 = f"{region}{born:%Y%m%d}{rng.randint(10, 999):03d}"
    return first17 + id_check_digit(first17)


def mobile_number(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(str(rng.randint(0, 9)) for _ in range(9))


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[-4:]


def mask_mobile(number: str) -> str:
    return number[:3] + "****" + number[-4:]


def with_leftovers(doc: OfficialDoc) -> OfficialDoc:
    """Template placeholders left in: "XX同志", "第X名", "×××"."""
    body = list(doc.body)
    at = next((i for i, p in enumerate(body) if p.role == "body"), 0) + 1
    body.insert(at, Paragraph("由XX同志负责具体组织协调，在全省同类城市考核中位列第X名，"
                              "联系人：×××，联系电话：××××××××。"))
    return replace(doc, body=body)


def with_foreign_city(doc: OfficialDoc, rng: random.Random) -> tuple[OfficialDoc, str]:
    """A paragraph copied from another city's document, its name left in; returns the city."""
    foreign = rng.choice(FOREIGN_CITIES)
    body = list(doc.body)
    at = max(i for i, p in enumerate(body) if p.role == "body")
    body.insert(at, Paragraph(f"近年来，{foreign}始终把创建全国文明城市作为“一把手”工程，坚持高位推动、全民参与，"
                              f"{foreign}各级各部门对照测评体系逐项抓落实，城市文明程度显著提升。"))
    return replace(doc, body=body), foreign


def with_bad_brackets(doc: OfficialDoc) -> OfficialDoc:
    """文号 typed with square brackets, 北湖文明办[2026]5号, instead of 〔2026〕."""
    assert doc.docno is not None
    return replace(doc, docno=doc.docno.replace("〔", "[").replace("〕", "]"))


def without_data(doc: OfficialDoc) -> OfficialDoc:
    """A 总结式 report: attitude and slogans only, without numbers and without any result."""
    body = [
        Paragraph("一、基本情况", "h1"),
        Paragraph(f"今年以来，{doc.city}高度重视此项工作，认真贯彻上级部署要求，始终把这项工作摆在突出位置，"
                  "主要领导亲自过问，分管领导具体负责，各级各部门密切配合、协调联动，形成了齐抓共管的良好局面。"),
        Paragraph("二、主要做法", "h1"),
        Paragraph("一是统一思想认识，二是压实工作责任，三是强化督促指导，四是营造浓厚氛围，"
                  "各项工作有序推进，得到了社会各界和广大群众的普遍好评。"),
        Paragraph("三、下一步工作", "h1"),
        Paragraph("我们将继续统一思想、加强领导、狠抓工作，以更加饱满的热情、更加务实的作风，"
                  "推动各项工作再上新台阶，为创建全国文明城市作出新的更大贡献。"),
        Paragraph("特此说明。"),
    ]
    return replace(doc, body=body)


def with_personal_data(doc: OfficialDoc, rng: random.Random) -> tuple[OfficialDoc, str, str]:
    """A volunteer roster: every row masked except one; returns the unmasked ID and mobile numbers."""
    rows, exposed_id, exposed_mobile = [], "", ""
    unmasked = rng.randint(2, 5)
    for index in range(1, 9):
        number, mobile = id_number(rng), mobile_number(rng)
        if index == unmasked:
            exposed_id, exposed_mobile = number, mobile
        else:
            number, mobile = mask_id(number), mask_mobile(mobile)
        rows.append([str(index), person_name(rng), number, mobile, str(rng.randint(4, 120))])
    table = Table(["序号", "姓名", "身份证号", "联系电话", "服务时长（小时）"], rows)
    title = f"{doc.city}{doc.area}志愿者登记台账"
    return replace(doc, title=title, table=table), exposed_id, exposed_mobile
