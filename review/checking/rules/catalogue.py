"""The rule catalogue: every way a material loses points, with a stable id, a severity and a fix.

Ids never change meaning once shipped (waivers and reports refer to them). Thresholds listed here
are the defaults; a workspace overrides them in `settings.rules` (see review.checking.rules.config).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from review.checking.rules.finding import Finding, Severity, fingerprint

MUST, SHOULD, INFO = Severity.MUST, Severity.SHOULD, Severity.INFO


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    hint: str
    scope: str  # "file": runs on every scanned file; "requirement": runs per 测评标准
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True


_RULES = (
    # Requirement level
    Rule("MR-REQ-001", MUST, "材料数量或种类不足",
         "按测评标准的要求补充所缺种类的材料，或把已有材料归到本条目下。", "requirement"),
    Rule("MR-DATE-003", MUST, "材料日期不在本条目要求的时间范围内",
         "本条目有单独的时间要求，请换用该时间范围内形成的材料。", "requirement"),
    Rule("MR-FILE-016", MUST, "文件格式不符合本条目要求",
         "按本条目要求的格式重新导出或另存后再提交。", "requirement"),
    Rule("MR-KEY-001", SHOULD, "材料中没有测评标准要求的关键词",
         "核对材料是否对应本条测评标准；如对应，请在材料中写明标准要求的内容。", "requirement"),
    Rule("MR-CAP-001", MUST, "图片缺少说明文字",
         "为每张图片配上说明，写明时间、地点、人物和事由，例如“2026年5月12日，人民公园，志愿者清理垃圾”。",
         "requirement"),
    # Dates
    Rule("MR-DATE-001", MUST, "材料日期不在时间范围内",
         "换用时间范围内形成的材料；如日期识别有误，请核对落款日期。", "file"),
    Rule("MR-DATE-002", SHOULD, "未找到材料日期",
         "在落款处写明成文日期（如“2026年5月12日”）；图片请在说明或文件名中写明拍摄日期（如“2026-05-12 志愿服务.jpg”）。", "file"),
    # Content
    Rule("MR-TPL-001", MUST, "模板占位符未替换",
         "把“XX”“×××”“某某”“X月X日”等占位内容替换为真实信息。", "file"),
    Rule("MR-TPL-002", MUST, "模板填写提示未删除",
         "删除“此处填写”“请填写”“【】”等填写提示，并补上实际内容。", "file"),
    Rule("MR-CITY-001", MUST, "材料以其他城市的名义表述",
         "材料可能照搬自其他城市，请改为本市的机构和表述。", "file"),
    Rule("MR-CITY-002", SHOULD, "材料中出现其他城市名称",
         "核对是否照搬了其他城市的材料；如属正当引用（考察学习、外地经验），可申请豁免。", "file",
         MappingProxyType({"min_occurrences": 1})),
    Rule("MR-PII-001", MUST, "身份证号未打码",
         "公开材料中的身份证号须打码，例如“4108**********1234”。", "file"),
    Rule("MR-PII-002", MUST, "手机号未打码",
         "公开材料中的手机号须打码，例如“138****1234”。", "file"),
    Rule("MR-DOCNO-001", MUST, "文号括号不规范",
         "按 GB/T 9704 用六角括号“〔〕”括入年份，例如“焦文明办〔2026〕12号”。", "file"),
    Rule("MR-DOCNO-002", SHOULD, "文号要素不全或写法不规范",
         "文号由发文机关代字、〔年份〕和序号加“号”组成，序号不编虚位、不加“第”字，例如“焦文明办〔2026〕12号”。",
         "file"),
    Rule("MR-RPT-001", SHOULD, "总结式材料缺少措施、成效或数据",
         "补充具体做法、时间、地点、取得的成效和数据（数量、比例），避免只有“高度重视”“取得明显成效”一类概括性表述。", "file",
         MappingProxyType({"min_chars": 200})),
    # File quality
    Rule("MR-FILE-001", MUST, "文件已加密",
         "去掉文件密码或权限限制后重新保存，再提交。", "file"),
    Rule("MR-FILE-002", MUST, "文件损坏或无法读取",
         "用原程序打开核对，重新导出或重新扫描后再提交。", "file"),
    Rule("MR-FILE-003", MUST, "文件为空",
         "文件没有内容，请换成正确的文件。", "file"),
    Rule("MR-FILE-004", SHOULD, "含空白页",
         "删除空白页后重新导出。", "file"),
    Rule("MR-FILE-005", SHOULD, "扫描页没有可识别的文字",
         "用带文字识别（OCR）的扫描方式重新扫描，或提交可复制文字的电子版。", "file"),
    Rule("MR-FILE-006", SHOULD, "图片分辨率过低",
         "使用原图或以不低于规定的分辨率重新扫描、拍摄。", "file",
         MappingProxyType({"min_width": 800, "min_height": 600, "min_dpi": 150})),
    Rule("MR-FILE-007", MUST, "文件超过平台大小限制",
         "压缩图片或拆分文件，使每个文件不超过平台限制。", "file"),
    Rule("MR-FILE-008", MUST, "文件格式不被平台接受",
         "另存为允许的格式（如 PDF、DOCX、JPG）后再提交。", "file"),
    Rule("MR-FILE-009", MUST, "文件名过长",
         "缩短文件名，保留条目编号和材料名称即可。", "file"),
    Rule("MR-FILE-010", MUST, "文件名含平台不接受的字符",
         "去掉文件名中的 \\ / : * ? \" < > | 、控制字符以及首尾的空格和句点。", "file"),
    Rule("MR-FILE-011", SHOULD, "旧版文件格式",
         "用 Office 或 WPS 打开后另存为 DOCX / XLSX 再提交。", "file"),
    Rule("MR-FILE-012", SHOULD, "扩展名与实际格式不符",
         "把扩展名改为与实际格式一致，或用原程序重新另存。", "file"),
    Rule("MR-FILE-013", INFO, "文件曾损坏，已自动修复",
         "用原程序打开核对内容是否完整，最好重新导出一份。", "file"),
    Rule("MR-FILE-014", INFO, "扫描页未做文字识别",
         "本机未安装文字识别组件，扫描页的内容没有检查；可安装 OCR 组件后重新扫描。", "file"),
    Rule("MR-FILE-015", SHOULD, "文件过大或页数过多，内容未完整检查",
         "拆分文件或压缩图片后再提交，以便完整检查。", "file"),
    # Across materials
    Rule("MR-DUP-001", SHOULD, "同一文件重复提交",
         "同一份文件只归入最相关的一个条目；确需多处使用时请申请豁免。", "corpus"),
    Rule("MR-DUP-002", SHOULD, "内容几乎相同的材料",
         "核对是否重复提交了同一材料的不同版本，保留最终版本。", "corpus",
         MappingProxyType({"similarity": 0.9, "min_chars": 200})),

    # 印章 (review.checking.rules.seal)
    Rule("MR-SEAL-001", SHOULD, "落款处未见红色公章",
         "核对原件是否已盖章；未盖章的请盖章后重新扫描（彩色扫描），已盖章而未检出的请写明理由豁免。", "file"),
    Rule("MR-SEAL-002", SHOULD, "正式发文只提交了可编辑的电子文档",
         "请提交盖章后的扫描件或 PDF；Word 文档可作为附件一并保留。", "requirement"),

    # 一稿多用、照片重复与地名 (review.checking.rules.duplicates, .photo_reuse, .cities)
    Rule("MR-DUP-003", SHOULD, "只换了地名的近似材料（一稿多用）",
         "各单位、各区县的材料应如实反映本单位的工作；请换成本单位的实际材料，或只保留一份归入最相关的条目。",
         "corpus", MappingProxyType({"similarity": 0.9})),
    Rule("MR-DUP-004", SHOULD, "同一张照片用于多个条目或工作组",
         "每个条目使用反映该项工作的照片；确需共用的请写明理由豁免。", "corpus",
         MappingProxyType({"max_distance": 20})),
    Rule("MR-CITY-003", SHOULD, "材料中残留外市的区县、道路等地名",
         "材料可能照搬自外市、只替换了市名；请把区县、街道、道路等地名改为本市实际情况。", "file"),

    # 时段与文号 (review.checking.rules.dates, review.checking.rules.docno)
    Rule("MR-DATE-004", MUST, "材料内容所属时段不在时间范围内",
         "标题或正文写明的工作时段（如“2024年度”“2025年上半年”）须在时间范围内；请换用本测评周期的材料。", "file"),
    Rule("MR-DATE-005", SHOULD, "台账中有记录的日期不在时间范围内",
         "删去时间范围以外的记录，或换用时间范围内的台账。", "file"),
    Rule("MR-DOCNO-003", SHOULD, "文号年份与成文日期的年份不一致",
         "核对文号和成文日期：文号中的年份应为成文日期所在年份。", "file"),
    Rule("MR-DOCNO-004", SHOULD, "成文日期用汉字书写",
         "按 GB/T 9704—2012，成文日期用阿拉伯数字将年、月、日标全，例如“2026年3月5日”。", "file"),

    # 图像质量 (review.checking.rules.image_quality)
    # Sharpness (index.pictures): about 0.7–2 for sharp photos, 0.1–0.4 for blurred or shaken ones.
    Rule("MR-IMG-001", SHOULD, "照片模糊，看不清现场",
         "换用清晰的原图；拍摄时对准焦点、保持稳定。", "file", MappingProxyType({"min_sharpness": 0.35})),
    # Its resolution limit is MR-FILE-006's min_dpi: one setting for how finely scans must be made.
    Rule("MR-FILE-017", SHOULD, "扫描件分辨率过低",
         "以不低于规定的分辨率（如 200 dpi）重新扫描。", "file"),

    # 材料与条目 (review.checking.rules.requirements)
    Rule("MR-KEY-002", SHOULD, "材料内容与本条目不对应",
         "核对材料是否归错了条目；如归错，请改归到更对应的条目。", "requirement"),
    Rule("MR-REQ-002", SHOULD, "缺少工作落实的佐证材料",
         "本条目要求体现工作落实和成效：请补充台账、情况说明或现场图片等佐证材料。", "requirement"),
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in _RULES})


def make_finding(
    rule_id: str,
    message: str,
    *,
    file: str = "",
    subject: str = "",
    page: int | None = None,
    location: str = "",
    text: str = "",
    item_code: str = "",
    bbox: tuple[float, float, float, float] | None = None,
    hint: str | None = None,
    read_by_ocr: bool = False,
    confidence: float | None = None,
    severity: Severity | None = None,
) -> Finding:
    """A finding of `rule_id` with the catalogue's severity (unless the rule weighs this case
    otherwise: `severity`), title and (unless given) hint.

    `subject` identifies what the finding is about for its fingerprint: the file's SHA-256, or the
    item code for a requirement-level finding. A finding on text that OCR read (`read_by_ocr`, with
    OCR's `confidence`) is uncertain evidence: it says so and is never 必须修改 on its own, since the
    scan may be right where the recognition was wrong.
    """
    rule = RULES[rule_id]
    severity = severity or rule.severity
    if read_by_ocr:
        severity = Severity.SHOULD if severity is Severity.MUST else severity
        sure = f"，识别置信度 {confidence:.0%}" if confidence is not None else ""
        message = f"{message}（识别结果{sure}，请对照原件核实）"
        hint = f"{hint or rule.hint} 这是文字识别的结果：请先对照扫描原件核实，原件无误时写明理由豁免。"
    return Finding(
        rule_id=rule.id, severity=severity, title=rule.title, message=message,
        hint=hint or rule.hint, file=file, page=page, location=location, text=text,
        item_code=item_code, bbox=bbox,
        fingerprint=fingerprint(rule.id, subject or file or item_code, location, text),
    )
