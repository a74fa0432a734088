"""The words of a real city's campaign: 焦作市 places, offices, people and the prose its task groups write.

Everything here is deterministic for a given `random.Random`. The prose varies sentence by sentence
(several frames for every slot, figures and places drawn per document), so that no check can be
tuned to one sentence. Documents come out as `CorpusDoc`, the demo's `OfficialDoc` with a choice
of how the 成文日期 is written, so the demo's writers (DOCX, PDF, scanned PDF, XLSX) lay them out.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from demo.texts import OfficialDoc, Paragraph, Table, chinese_date
from resources import resource_path

CITY = "焦作市"
STEM = "焦作"
ABBR = "焦"  # 文号 prefix: 焦文明办〔2026〕5号
PROVINCE = "河南省"
DISTRICTS = ("解放区", "山阳区", "中站区", "马村区")
COUNTIES = ("修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市")
STREETS = {
    "解放区": ("焦北街道", "焦南街道", "焦西街道", "七百间街道", "民主街道", "新华街道"),
    "山阳区": ("焦东街道", "光亚街道", "新城街道", "百间房街道", "定和街道", "艺新街道"),
    "中站区": ("冯封街道", "李封街道", "府城街道", "龙洞街道"),
    "马村区": ("马村街道", "待王街道", "九里山街道", "冯营街道"),
}
ROADS = ("人民路", "解放路", "塔南路", "塔北路", "丰收路", "民主路", "建设路", "山阳路", "焦东路", "迎宾路",
         "太行路", "长恩路")
COMMUNITIES = ("东方红社区", "幸福街社区", "建设里社区", "光亚社区", "锦祥社区", "新华社区", "塔南社区",
               "苏蔺社区", "影视城社区", "月季社区")
PARKS = ("龙源湖公园", "人民公园", "缝山公园", "森林公园", "世纪广场", "太极体育中心广场")
VENUES = ("焦作市图书馆", "焦作市群众艺术馆", "焦作市博物馆", "焦作市文化馆", "市民之家")
SCHOOLS = ("焦作市第一中学", "焦作市实验小学", "解放区新华小学", "山阳区东方红小学", "焦作市第十一中学",
           "修武县城关镇第一小学", "博爱县月山镇中心小学", "武陟县詹店镇中学")

# Another city whose materials get copied: its districts and roads stay behind when only the city
# name is replaced (新乡市 is 焦作市's neighbour in the same province).
FOREIGN = "新乡市"
FOREIGN_DISTRICTS = ("红旗区", "卫滨区", "牧野区", "凤泉区")
FOREIGN_ROADS = ("平原路", "金穗大道", "胜利路")
FOREIGN_FAR = "金华市"  # a far city (浙江) whose reports are circulated as samples

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
            "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆郝孔白崔康毛邱秦史顾侯邵孟段雷钱汤尹黎常武乔贺牛申")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英玉兰萍红梅鹏辉建国志宏燕晓东丹波凯斌琳雪峰振新利俊文博亮"


@dataclass
class CorpusDoc(OfficialDoc):
    """An `OfficialDoc` whose 成文日期 is written as 2026年3月5日 ("arabic", what GB/T 9704 wants),
    二〇二六年三月五日 ("chinese", the older habit) or not at all ("none": an unsigned attachment)."""

    date_style: str = "arabic"

    @property
    def date_text(self) -> str:  # type: ignore[override]
        if self.date_style == "none":
            return ""
        if self.date_style == "chinese":
            return chinese_date(self.date)
        return arabic_date(self.date)


def arabic_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def docno(office: str, year: int, number: int, brackets: str = "〔〕") -> str:
    """焦文明办〔2026〕5号; `brackets` gives the pair a clerk typed ("[]", "（）", "()", "﹝﹞" …)."""
    return f"{ABBR}{office}{brackets[0]}{year}{brackets[1]}{number}号"


@cache
def _city_forms() -> tuple[str, ...]:
    """Every prefecture-level city's name and short name, to keep invented names clear of them."""
    out = set()
    with open(resource_path("data", "prefecture_cities.txt"), encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if parts and not parts[0].startswith("#") and len(parts) >= 3:
                out.update((parts[1], parts[2]))
    return tuple(sorted(f for f in out if len(f) >= 2))


def person_name(rng: random.Random) -> str:
    """A plausible full name that is not also a city's name (金华 and 丽江 appear only where planted)."""
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if not any(form in name for form in _city_forms()):
            return name


def masked_name(rng: random.Random) -> str:
    """How offices publish residents' and minors' names: 王××, 李*, 张某某, 刘×."""
    surname = rng.choice(SURNAMES[:40])
    return surname + rng.choice(("××", "*", "某某", "×", "**"))


# -- topics ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    key: str
    name: str  # as in titles: 基层理论宣讲
    lead: str  # 牵头单位 in running text
    organ: str  # 发文机关 / 落款
    office: str  # 文号 代字 after 焦: 文明办 → 焦文明办〔2026〕5号
    masthead: str
    measures: tuple[str, ...]
    results: tuple[str, ...]
    places: tuple[str, ...]
    activities: tuple[str, ...]
    scene: str  # demo.vocabulary area whose scene the photos draw


TOPICS: dict[str, Topic] = {t.key: t for t in (
    Topic("学习", "理论学习", "市委宣传部", "中共焦作市委宣传部", "宣", "中共焦作市委宣传部文件",
          ("制定年度学习计划，按月确定学习专题、领学人和研讨题目",
           "建立中心组学习考勤和学习档案制度，缺学人员一律补学",
           "开展“学习强国”线上学习和集中辅导相结合的学习方式，全年组织专题辅导{m}次",
           "把理论学习纳入县（市、区）和市直单位年度目标考核，实行季度通报"),
          ("全年组织市委理论学习中心组集体学习{m}次，开展专题研讨{m}次",
           "各级党委（党组）理论学习中心组开展学习{n}次，撰写调研报告{m}篇",
           "编印学习资料{m}期、发放{p}册，覆盖党员干部{p}人次"),
          ("市委党校报告厅", "{district}党群服务中心", "市民之家多功能厅"),
          ("中心组集体学习", "专题读书班", "学习研讨会"), "理论学习"),
    Topic("宣讲", "基层理论宣讲", "市委宣传部", "焦作市精神文明建设委员会办公室", "文明办",
          "焦作市精神文明建设委员会办公室文件",
          ("组建市、县、乡三级宣讲队伍，吸纳“五老”人员、道德模范、青年骨干担任宣讲员",
           "推行“点单式”宣讲，群众点题、宣讲员接单，每月发布宣讲菜单",
           "开展“理论宣讲进万家”活动，深入社区、农村、企业、学校宣讲{n}场",
           "制作方言版、快板版宣讲微视频{m}部，在“焦作发布”等平台推送"),
          ("全市组建宣讲队伍{m}支、宣讲员{n}名，其中市级宣讲团{m}人",
           "累计开展基层宣讲{n}场次，直接听众{p}人次",
           "群众对宣讲活动满意率达到{pct}%"),
          ("{district}{street}{community}", "{county}新时代文明实践中心", "{road}沿街商户", "{school}"),
          ("宣讲进社区", "宣讲进农村", "宣讲进企业", "宣讲进校园"), "理论学习"),
    Topic("价值观", "社会主义核心价值观融入法治建设", "市委宣传部", "焦作市人民政府办公室", "政办",
          "焦作市人民政府办公室文件",
          ("在地方立法、执法、司法、普法各环节体现社会主义核心价值观要求",
           "修订完善市民公约、村规民约、学生守则等行为准则{m}项",
           "开展“法律进社区”“以案释法”活动{n}场"),
          ("出台制度性文件{m}件，清理不符合核心价值观要求的规范性文件{m}件",
           "全市{m}个村（社区）修订完善村规民约、居民公约"),
          ("{district}{community}", "市民之家"), ("以案释法", "法律进社区"), "理论学习"),
    Topic("模范", "道德模范评选表彰", "市文明办", "焦作市精神文明建设委员会", "文明委",
          "焦作市精神文明建设委员会文件",
          ("按照基层推荐、资格审查、群众投票、专家评审、社会公示的程序开展评选",
           "在《焦作日报》、焦作广播电视台开设“德耀山阳”专栏，集中宣传模范事迹{m}期",
           "组织道德模范事迹报告会进机关、进学校、进社区{m}场",
           "对生活困难的道德模范开展走访慰问，落实帮扶资金{m}万元"),
          ("共收到推荐人选{n}名，经评审产生道德模范{m}名、提名奖{m}名",
           "群众投票参与{p}人次，事迹报道阅读量{p}次",
           "全市评选“焦作好人”{m}人，其中{m}人入选“河南好人”"),
          ("市民之家", "{district}{community}", "焦作广播电视台演播厅"),
          ("道德模范事迹报告会", "“焦作好人”发布仪式"), "志愿服务"),
    Topic("公益广告", "公益广告刊播", "市委宣传部", "焦作市精神文明建设委员会办公室", "文明办",
          "焦作市精神文明建设委员会办公室文件",
          ("明确主要媒体公益广告刊播比例，报纸每月不少于{m}个整版",
           "在{road}、{road}等主干道和建筑围挡设置公益广告{n}处",
           "建立公益广告月度巡查和问题整改台账"),
          ("全年刊播公益广告{n}条次，主要街道公益广告覆盖率达到{pct}%",
           "更换破损、褪色公益广告{n}块"),
          ("{road}", "{park}", "高铁焦作站广场"), ("公益广告巡查",), "理论学习"),
    Topic("背街", "背街小巷环境整治", "市城市管理局", "焦作市城市管理局", "城管", "焦作市城市管理局文件",
          ("对城区{n}条背街小巷逐条建档，实行“一巷一策”整治",
           "落实“街长制”“巷长制”，每条巷道明确责任单位、责任人和监督电话",
           "实行每日巡查、每周通报、每月考评，问题整改限时销号",
           "投入资金{m}万元，完成路面硬化、雨污分流和路灯安装"),
          ("累计整治背街小巷{n}条，清理卫生死角{n}处、积存垃圾{n}吨",
           "拆除违章搭建{m}处，规范店外经营{n}家",
           "群众满意度由上年的{pct0}%提高到{pct}%"),
          ("{district}{road}以东小巷", "{district}{street}后街", "{district}{community}周边巷道"),
          ("背街小巷集中整治", "卫生死角清理", "违章搭建拆除"), "背街小巷"),
    Topic("垃圾分类", "生活垃圾分类", "市城市管理局", "焦作市人民政府", "政", "焦作市人民政府文件",
          ("在居民小区按“四分类”标准设置集中投放点{n}个",
           "招募桶边督导员{n}名，实行定时定点投放和桶边督导",
           "建设大件垃圾和装修垃圾分拣中心{m}处，配备分类运输车辆{m}台"),
          ("城区居民小区垃圾分类设施覆盖率达到{pct}%",
           "居民分类投放准确率提高到{pct}%，日均分出厨余垃圾{m}吨"),
          ("{district}{community}", "{district}{street}锦祥花园小区"), ("桶边督导", "垃圾分类宣传进小区"), "垃圾分类"),
    Topic("老旧小区", "老旧小区改造", "市住房和城乡建设局", "焦作市住房和城乡建设局", "建",
          "焦作市住房和城乡建设局文件",
          ("按照“一区一策”编制改造方案，改造内容由居民议定",
           "同步推进雨污分流、加装电梯、充电桩和适老化改造",
           "改造完成的小区通过引入物业服务企业、社区托管或居民自管实现物业管理全覆盖"),
          ("改造老旧小区{m}个、惠及居民{p}户",
           "加装电梯{m}部，新增停车位{n}个",
           "老旧小区物业管理覆盖率达到{pct}%"),
          ("{district}{community}", "{district}{road}家属院"), ("改造现场推进会",), "背街小巷"),
    Topic("志愿服务", "新时代文明实践志愿服务", "市文明办", "焦作市精神文明建设委员会办公室", "文明办",
          "焦作市精神文明建设委员会办公室文件",
          ("依托全国志愿服务信息系统开展志愿者实名注册和服务时长记录",
           "在新时代文明实践所（站）推行“点单—派单—接单—评单”服务流程",
           "围绕“学雷锋”志愿服务月组织集中服务活动{n}场",
           "落实志愿者礼遇回馈办法，为星级志愿者发放“志愿服务积分卡”"),
          ("全市实名注册志愿者{p}人，占城区常住人口比例{pct10}%",
           "开展志愿服务活动{n}场次，累计服务时长{p}小时",
           "培育“太极之乡志愿行”等志愿服务品牌项目{m}个"),
          ("{district}{street}新时代文明实践站", "{county}新时代文明实践中心", "{park}"),
          ("“学雷锋”志愿服务", "文明交通志愿劝导", "环境清洁志愿服务"), "志愿服务"),
    Topic("关爱", "关爱空巢老人和留守儿童志愿服务", "市文明办", "焦作市精神文明建设委员会办公室", "文明办",
          "焦作市精神文明建设委员会办公室文件",
          ("建立空巢老人、留守儿童信息台账，实行“一人一档”动态管理",
           "组织志愿者与空巢老人结对，每周至少上门探访一次",
           "在村（社区）开设“四点半课堂”，为留守儿童提供课业辅导和心理陪伴",
           "联合医疗机构为老人开展义诊和健康体检{n}人次"),
          ("结对帮扶空巢老人{n}名、留守儿童{n}名",
           "开展上门探访和义诊活动{n}场次，服务群众{p}人次"),
          ("{county}{community}", "{district}{street}敬老院", "{county}乡村学校少年宫"),
          ("关爱空巢老人上门探访", "留守儿童四点半课堂"), "志愿服务"),
    Topic("免费开放", "公共文化场馆免费开放", "市文化广电和旅游局", "焦作市文化广电和旅游局", "文广旅",
          "焦作市文化广电和旅游局文件",
          ("市图书馆、群众艺术馆、博物馆全部实行免费开放，每周开放时间不少于{m}小时",
           "推行错时延时开放，节假日正常开馆",
           "开展“书香焦作”全民阅读、公益培训和展览活动{n}场"),
          ("全年接待读者和观众{p}人次，举办公益讲座和培训{n}场",
           "新增城市书房{m}个，图书外借{p}册次"),
          ("焦作市图书馆", "焦作市群众艺术馆", "焦作市博物馆"), ("公益讲座", "非遗展演"), "文化惠民"),
    Topic("未成年人", "未成年人思想道德建设", "市教育局", "焦作市教育局", "教", "焦作市教育局文件",
          ("调整充实未成年人思想道德建设工作领导小组，明确成员单位职责",
           "制定年度工作要点，分解任务{m}项，明确责任单位和完成时限",
           "开展“扣好人生第一粒扣子”主题教育活动{n}场"),
          ("全市中小学开展主题教育活动{n}场，参与学生{p}人次",
           "评选“新时代好少年”{m}名"),
          ("{school}", "{county}青少年校外活动中心"), ("主题班会", "升旗仪式"), "未成年人"),
    Topic("少年宫", "乡村学校少年宫", "市教育局", "焦作市教育局", "教", "焦作市教育局文件",
          ("全市{m}所乡村学校少年宫按照“有场地、有队伍、有活动、有制度”要求常态化运行",
           "每周开展活动不少于{m}小时，开设书法、舞蹈、科技、体育等兴趣小组"),
          ("开设兴趣小组{n}个，参加学生{p}人次", "聘请校外辅导员{n}名"),
          ("{county}{school}", "修武县城关镇第一小学少年宫"), ("少年宫书法课", "少年宫科技小组活动"), "未成年人"),
    Topic("校园周边", "校园周边环境专项整治", "市教育局", "焦作市教育局", "教", "焦作市教育局文件",
          ("联合公安、市场监管、文化执法部门开展校园周边环境集中整治",
           "对学校周边200米范围内的网吧、游戏厅和无证摊点开展拉网式排查",
           "在上下学时段设置护学岗{n}个"),
          ("检查学校周边经营场所{n}家，查处违规接纳未成年人网吧{m}家",
           "取缔无证摊点{n}个，整改安全隐患{n}处"),
          ("{school}周边", "{district}{road}"), ("校园周边联合检查",), "未成年人"),
    Topic("德育", "中小学德育", "市教育局", "焦作市教育局", "教", "焦作市教育局文件",
          ("按规定开齐开足道德与法治、思想政治课程",
           "组织学生到焦作市博物馆等教育基地开展实践活动{n}场"),
          ("全市{n}所中小学德育课程开课率达到100%", "开展研学实践活动{n}场"),
          ("{school}",), ("德育实践课",), "未成年人"),
    Topic("心理健康", "中小学心理健康教育", "市教育局", "焦作市教育局", "教", "焦作市教育局文件",
          ("每所中小学至少配备1名专职或兼职心理健康教育教师",
           "建设标准化心理辅导室{m}个，开通心理咨询热线",
           "对全体学生开展心理健康测评，建立重点学生关爱档案"),
          ("配备心理健康教育教师{n}名，其中专职{m}名", "开展个体心理辅导{n}人次、团体辅导{m}场"),
          ("{school}心理辅导室",), ("团体心理辅导",), "未成年人"),
)}


class Filler:
    """Fills {n} {m} {p} {pct} {district} … with figures and places, each occurrence anew."""

    def __init__(self, rng: random.Random, places: dict[str, Sequence[str]] | None = None) -> None:
        self.rng = rng
        self.places = places or {}
        self.district = self._district()

    def _district(self) -> str:
        return self.rng.choice(self.places.get("district") or DISTRICTS)

    def pick(self, key: str) -> str:
        rng = self.rng
        if key in self.places:
            return rng.choice(self.places[key])
        district = self.district
        return {
            "n": lambda: str(rng.randint(12, 360)), "m": lambda: str(rng.randint(3, 48)),
            "p": lambda: str(rng.randint(1200, 96000)), "pct": lambda: f"{rng.randint(860, 995) / 10:g}",
            "pct0": lambda: str(rng.randint(62, 80)), "pct10": lambda: f"{rng.randint(130, 168) / 10:g}",
            "district": lambda: district, "county": lambda: rng.choice(COUNTIES),
            "street": lambda: rng.choice(STREETS.get(district) or STREETS["解放区"]), "road": lambda: rng.choice(ROADS),
            "community": lambda: rng.choice(COMMUNITIES), "park": lambda: rng.choice(PARKS),
            "school": lambda: rng.choice(SCHOOLS), "venue": lambda: rng.choice(VENUES),
            "name": lambda: person_name(rng),
        }[key]()

    def __call__(self, template: str) -> str:
        """Within one template the district and its streets agree (解放区焦北街道, not 解放区焦东街道)."""
        if "{district}" in template:
            self.district = self._district()
        return re.sub(r"\{(\w+)\}", lambda m: self.pick(m.group(1)), template)


_NUMBERS = "一二三四五六七八九十"


def _numbered(heads: Sequence[str]) -> list[str]:
    return [f"（{_NUMBERS[i]}）{text}" for i, text in enumerate(heads)]


# -- documents -------------------------------------------------------------------------------------

def plan(rng: random.Random, topic: Topic, title: str, day: date, *, date_style: str = "arabic",
         signed: bool = True, cite: str | None = None, extra: Sequence[str] = (),
         places: dict[str, Sequence[str]] | None = None) -> CorpusDoc:
    """A 工作方案: 指导思想, 目标, 任务, 步骤, 保障. `cite` names a higher document it implements;
    `extra` paragraphs go after the tasks (planted text or legitimate mentions)."""
    fill = Filler(rng, places)
    basis = rng.choice((
        f"为深入贯彻落实全国文明城市测评体系要求，扎实推进{topic.name}工作，结合我市实际，制定本方案。",
        f"根据{CITY}创建全国文明城市工作总体安排，为进一步做好{topic.name}，特制定本方案。",
        f"为巩固提升全国文明城市创建成果，推动{topic.name}常态长效，现制定如下工作方案。",
    ))
    if cite:
        basis = f"根据{cite}精神，" + basis.removeprefix("为").removeprefix("根据")
    measures = rng.sample(topic.measures, k=min(3, len(topic.measures)))
    heads = _numbered(rng.sample(("健全工作机制", "突出工作重点", "强化督导检查", "注重宣传引导", "夯实基层基础"), 3))
    body = [Paragraph(basis), Paragraph("一、总体要求", "h1"),
            Paragraph(f"坚持以人民为中心，围绕{topic.name}目标任务，坚持问题导向、目标导向，做到有计划、有措施、"
                      f"有台账、有成效，为{CITY}创建全国文明城市提供有力支撑。"),
            Paragraph("二、工作目标", "h1"),
            Paragraph(f"到{day.year}年底，{fill(rng.choice(topic.results))}；{fill(rng.choice(topic.results))}。"),
            Paragraph("三、主要任务", "h1")]
    for head, measure in zip(heads, measures, strict=False):
        body.append(Paragraph(head, "h2"))
        body.append(Paragraph(f"{fill(measure)}。由{topic.lead}牵头，各县（市、区）和有关单位按职责分工抓好落实。"))
    body += [Paragraph(text) for text in extra]
    later = day + timedelta(days=rng.randint(40, 80))
    body += [Paragraph("四、实施步骤", "h1"),
             Paragraph(f"（一）动员部署阶段（{day.year}年{day.month}月）。制定方案，召开推进会，明确责任分工。"),
             Paragraph(f"（二）集中推进阶段（{later.year}年{later.month}月至{day.year}年11月）。对照测评标准逐项推进，"
                       "每月通报进展。"),
             Paragraph(f"（三）总结提升阶段（{day.year}年12月）。总结经验做法，建立长效机制。"),
             Paragraph("五、保障措施", "h1"),
             Paragraph(rng.choice((
                 "各责任单位要把此项工作列入重要议事日程，主要负责同志亲自抓，明确一名联络员负责材料收集报送。",
                 "市创建办将采取明查暗访、随机抽查等方式定期督导，督导结果纳入年度文明单位考核。",
                 "要加强经费保障，把所需经费列入部门预算，确保各项任务按期完成。")))]
    return CorpusDoc(kind="工作方案", area=topic.scene, city=CITY, title=title, issuer=topic.organ if signed else "",
                     date=day, body=body, seed=rng.getrandbits(32), date_style=date_style if signed else "none")


# 主送 by who issues: an office writes to its counterparts below and to the units it directs.
_RECIPIENTS = (
    ("教育局", "各县（市、区）教育局，市直各学校："),
    ("城市管理局", "各县（市、区）城市管理局，市城市管理局各直属单位："),
    ("人民政府", "各县（市、区）人民政府，市人民政府各部门："),
    ("精神文明建设委员会办公室", "各县（市、区）文明办，市直各有关单位："),
    ("精神文明建设委员会", "各县（市、区）文明委，市文明委各成员单位："),
    ("宣传部", "各县（市、区）委宣传部，市直各单位党组（党委）："),
)


def notice(rng: random.Random, topic: Topic, title: str, number: str, day: date, *, date_style: str = "arabic",
           issued: str | None = None, recipients: str | None = None, extra: Sequence[str] = (),
           masthead: bool = True, organ: str | None = None) -> CorpusDoc:
    """A 红头文件 通知: masthead, 文号, 主送, what is issued and why, then (for a notice that issues
    a plan) the plan itself as an attachment."""
    organ = organ or topic.organ
    recipients = recipients or next(
        (to for word, to in _RECIPIENTS if word in organ), "各县（市、区）文明办，市直各有关单位：")
    body = [Paragraph(rng.choice((
        f"为深入推进全国文明城市创建工作，扎实做好{topic.name}，经研究，现将《{issued or title}》印发给你们，"
        "请结合实际认真贯彻落实。",
        f"现将《{issued or title}》印发给你们，请认真组织实施，执行中遇到的问题请及时向{topic.lead}反映。",
    )) if issued else f"为做好{topic.name}工作，根据{CITY}创建全国文明城市工作安排，现就有关事项通知如下。")]
    body += [Paragraph(text) for text in extra]
    if issued:
        body.append(Paragraph(f"附件：{issued}"))
        attachment = plan(rng, topic, issued, day, signed=False)
        body.append(Paragraph(issued, "annex"))
        body += attachment.body
    else:
        fill = Filler(rng)
        for index, measure in enumerate(rng.sample(topic.measures, k=min(3, len(topic.measures)))):
            body.append(Paragraph(f"{_NUMBERS[index]}、{fill(measure)}。", "h1" if index == 0 else "body"))
    return CorpusDoc(kind="通知", area=topic.scene, city=CITY, title=title, issuer=organ, date=day,
                     docno=number, masthead=(f"{organ}文件" if masthead else None), recipients=recipients,
                     body=body, seed=rng.getrandbits(32), date_style=date_style)


_DETAILS = (
    "{district}{street}结合辖区实际，建立“周调度、月通报”制度，{m}个社区全部明确专人负责。",
    "市创建办会同{lead}开展专项督查{m}次，下发督办通知{m}份，问题整改率达到{pct}%。",
    "在{road}、{road}等重点路段设置宣传展板{n}块，发放宣传资料{p}份。",
    "依托“焦作发布”微信公众号、焦作广播电视台等媒体刊发稿件{n}篇，营造了良好氛围。",
    "将此项工作纳入县（市、区）年度目标考核，考核结果与文明单位评选挂钩。",
    "组织业务培训{m}场，培训基层骨干{n}人次，编印工作手册{m}册。",
    "{county}探索“党建+”工作模式，发动党员志愿者{n}名参与，形成了可复制的做法。",
    "建立问题清单、任务清单、责任清单，实行销号管理，目前已销号{n}项。",
)


def report(rng: random.Random, topic: Topic, title: str, day: date, *, since: date, date_style: str = "arabic",
           organ: str | None = None, extra: Sequence[str] = (), places: dict[str, Sequence[str]] | None = None,
           table: Table | None = None) -> CorpusDoc:
    """A 情况说明 of one to two pages: background, measures with details, results with figures and
    a concrete example, problems and next steps."""
    fill = Filler(rng, places)
    organ = organ or topic.organ
    intro = rng.choice((
        f"{since.year}年{since.month}月以来，{CITY}认真对照全国文明城市测评体系，把{topic.name}作为创建工作的"
        f"重点任务，{topic.lead}牵头，各县（市、区）和市直有关单位协同推进。现将有关情况说明如下。",
        f"按照市创建办统一部署，{topic.lead}围绕{topic.name}，坚持问题导向，边查边改、立行立改。现将"
        f"{since.year}年{since.month}月以来的工作情况报告如下。",
        f"根据《{CITY}创建全国文明城市工作任务分解方案》，我单位牵头负责{topic.name}。自{since.year}年"
        f"{since.month}月起，我们重点抓了以下工作。",
    ))
    measures = rng.sample(topic.measures, k=min(4, len(topic.measures)))
    heads = _numbered(rng.sample(("强化组织领导", "狠抓工作落实", "注重宣传引导", "完善长效机制", "加强督导检查"),
                                 len(measures)))
    details = rng.sample(_DETAILS, k=len(measures))
    background = fill(rng.choice(topic.results))
    body = [Paragraph(intro), Paragraph("一、基本情况", "h1"),
            Paragraph(rng.choice((
                f"{topic.name}涉及面广、群众关注度高。截至目前，{background}，工作总体进展顺利。",
                f"我市把{topic.name}列入年度创建重点任务清单，明确责任单位{fill('{m}')}个。目前，{background}。")),
            ),
            Paragraph("二、主要措施", "h1")]
    for head, measure, detail in zip(heads, measures, details, strict=False):
        body.append(Paragraph(head, "h2"))
        body.append(Paragraph(f"{fill(measure)}。{fill(detail.replace('{lead}', topic.lead))}"))
    body.append(Paragraph("三、工作成效", "h1"))
    body.append(Paragraph("；".join(fill(r) for r in rng.sample(topic.results, k=min(2, len(topic.results)))) + "。"))
    example = fill(rng.choice(topic.places))
    body.append(Paragraph(rng.choice((
        f"以{example}为例，通过{rng.choice(topic.activities)}，群众反映的突出问题得到解决，参与群众{fill('{n}')}人次。",
        f"在{example}，{fill('{name}')}等同志带队开展{rng.choice(topic.activities)}，现场解决问题{fill('{m}')}个。",
    ))))
    body += [Paragraph(text) for text in extra]
    body += [Paragraph("四、存在问题和下一步工作", "h1"),
             Paragraph(rng.choice((
                 "对照测评标准，个别区域仍存在工作不平衡、长效机制有待健全等问题，少数基层单位台账记录不够规范。",
                 "工作中还存在宣传覆盖面不够广、群众参与积极性有待提高等问题，需要在今后工作中加以改进。"))),
             Paragraph(rng.choice((
                 f"下一步，我们将持续深化{topic.name}，每月开展一次督导检查，发现问题及时整改到位，确保各项指标稳定达标。",
                 f"下一步，{topic.lead}将坚持常态长效，完善考核激励机制，推动{topic.name}再上新台阶。")))]
    return CorpusDoc(kind="情况说明", area=topic.scene, city=CITY, title=title, issuer=organ, date=day, body=body,
                     table=table, seed=rng.getrandbits(32), date_style=date_style)


def platitudes(rng: random.Random, topic: Topic, title: str, day: date, *, organ: str | None = None,
               date_style: str = "arabic") -> CorpusDoc:
    """A 总结式 report: attitude, slogans and 一是二是, no figure, no place, no result one could check."""
    opening = rng.choice((
        f"今年以来，我单位高度重视{topic.name}工作，认真贯彻落实上级决策部署，坚持高位推动，强化责任落实，"
        "各项工作扎实有序推进，取得了明显成效。",
        f"{topic.name}工作开展以来，在市委、市政府的坚强领导下，我们始终坚持把这项工作摆在突出位置，"
        "主要领导亲自过问，分管领导具体负责，形成了齐抓共管的良好局面，工作取得明显成效。",
        f"按照市委、市政府关于创建全国文明城市的决策部署，我们把{topic.name}作为一项重要政治任务来抓，"
        "统一思想、提高认识，精心组织、周密部署，各项工作取得了阶段性成果。",
    ))
    practice = rng.sample((
        "一是提高思想认识，切实增强做好工作的责任感和使命感；二是加强组织领导，层层压实工作责任；"
        "三是狠抓工作落实，确保各项任务落地见效；四是营造浓厚氛围，广泛动员社会各界积极参与。",
        "坚持统筹谋划、整体推进，坚持问题导向、精准施策，坚持示范引领、以点带面，"
        "推动各项工作不断取得新进展、新突破。",
        "我们始终坚持高标准、严要求，把工作做细做实，做到了思想认识到位、组织领导到位、工作措施到位、"
        "督促检查到位。",
        "进一步健全完善工作机制，强化部门协作，形成了上下联动、齐抓共管的工作格局。",
    ), 2)
    effect = rng.choice((
        "通过共同努力，工作机制日益完善，工作水平不断提升，群众满意度持续提高，得到了上级部门的充分肯定和"
        "社会各界的普遍好评。",
        "各项工作取得了显著成效，社会氛围日益浓厚，群众获得感、幸福感、安全感进一步增强。",
        "经过努力，工作面貌焕然一新，广大群众的参与热情明显高涨，为创建工作打下了坚实基础。",
    ))
    body = [Paragraph(opening), Paragraph("一、主要做法", "h1"), *(Paragraph(text) for text in practice),
            Paragraph("二、取得的成效", "h1"), Paragraph(effect),
            Paragraph("三、下一步打算", "h1"),
            Paragraph(rng.choice((
                "我们将继续统一思想、加强领导、狠抓落实，以更加饱满的热情、更加务实的作风，推动各项工作再上新台阶，"
                "为创建全国文明城市作出新的更大贡献。",
                "下一步，我们将认真总结经验，查找不足，进一步加大工作力度，确保各项工作取得更大实效。")))]
    return CorpusDoc(kind="情况说明", area=topic.scene, city=CITY, title=title, issuer=organ or topic.organ, date=day,
                     body=body, seed=rng.getrandbits(32), date_style=date_style)


def decision(rng: random.Random, topic: Topic, title: str, number: str, day: date, names: Sequence[str], *,
             date_style: str = "arabic") -> CorpusDoc:
    """A 表彰决定 with the list of people honoured."""
    body = [Paragraph(f"为大力弘扬社会主义核心价值观，{rng.choice(('经基层推荐、群众投票、专家评审和社会公示', '经逐级推荐、评审委员会评审并向社会公示'))}，"
                      f"市文明委决定，授予{'、'.join(names)}等{len(names)}名同志“{CITY}道德模范”称号。"),
            Paragraph("希望受到表彰的同志珍惜荣誉、再接再厉，继续发挥示范引领作用。全市广大干部群众要以道德模范为榜样，"
                      "崇德向善、见贤思齐，为建设文明焦作贡献力量。"),
            Paragraph(f"附件：第八届{CITY}道德模范名单")]
    return CorpusDoc(kind="通知", area=topic.scene, city=CITY, title=title, issuer=topic.organ, date=day,
                     docno=number, masthead=f"{topic.organ}文件",
                     recipients="各县（市、区）文明委，市文明委各成员单位：", body=body, seed=rng.getrandbits(32),
                     date_style=date_style)


def minutes(rng: random.Random, topic: Topic, title: str, day: date) -> CorpusDoc:
    """A 会议记录: the fixed fields, then what was said and agreed."""
    fill = Filler(rng)
    host, recorder = person_name(rng), person_name(rng)
    body = [Paragraph(f"时间：{day.year}年{day.month}月{day.day}日 上午9:00", "field"),
            Paragraph(f"地点：{fill(rng.choice(topic.places))}", "field"),
            Paragraph(f"主持人：{host}", "field"),
            Paragraph(f"参会人员：{'、'.join(person_name(rng) for _ in range(rng.randint(5, 8)))}", "field"),
            Paragraph(f"记录人：{recorder}", "field"),
            Paragraph("一、会议内容", "h1"),
            Paragraph(f"{person_name(rng)}领学了有关文件精神，{person_name(rng)}结合分管工作作了交流发言，"
                      f"{fill(rng.choice(topic.results))}。"),
            Paragraph(f"{host}强调，要对照测评标准查找短板，{fill(rng.choice(topic.measures))}。"),
            Paragraph("二、议定事项", "h1"),
            Paragraph(f"各责任单位于{(day + timedelta(days=10)).month}月{(day + timedelta(days=10)).day}日前报送学习心得。")]
    return CorpusDoc(kind="会议记录", area=topic.scene, city=CITY, title=title, issuer=topic.organ, date=day,
                     body=body, seed=rng.getrandbits(32), date_style="none")


def ledger(rng: random.Random, topic: Topic, title: str, day: date, columns: Sequence[str],
           rows: Sequence[Sequence[str]], *, organ: str | None = None) -> CorpusDoc:
    """A 台账 or 统计表 for demo.sheets.write_ledger_xlsx: column 2 of every row is an ISO date."""
    organ = organ or topic.organ
    body = [Paragraph(f"填报单位：{organ}", "field")]
    return CorpusDoc(kind="台账", area=topic.scene, city=CITY, title=title, issuer=organ, date=day, body=body,
                     table=Table(list(columns), [list(r) for r in rows]), seed=rng.getrandbits(32))


def caption(rng: random.Random, topic: Topic, day: date, place: str | None = None) -> tuple[str, str]:
    """(place, caption) in the 时间/地点/人物/事由 form; the caption has two lines."""
    fill = Filler(rng)
    where = place or fill(rng.choice(topic.places))
    who = f"{topic.lead.removeprefix('市')}工作人员{person_name(rng)}等"
    return where, (f"时间：{day.year}年{day.month}月{day.day}日  地点：{CITY}{where}\n"
                   f"人物：{who}  事由：{rng.choice(topic.activities)}")
