package org.qingdan.application.intake.print;

import static org.qingdan.support.print.Html.box;
import static org.qingdan.support.print.Html.date;
import static org.qingdan.support.print.Html.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qingdan.application.intake.FormPrintout;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Rating;
import org.qingdan.support.print.Html;

/**
 * The 申报表 as XHTML in Annex 1's layout: the title, the filing date, the ten sections as tables with Annex 1's headings
 * and row labels, ☑/☐ for every closed choice, and the opinion and commitment with empty boxes for the signature and
 * the seal. The footer of every page names the application, the version and the filing date. Every value passes
 * {@link Html#text}.
 */
public final class FormDocument {

    public static final String TITLE = "金融科技企业和产品清单申报表";

    static final String COMMITMENT = "经检查核验，本次申报所提交的有关文件材料，信息真实、表述准确、材料完整。申报材料已经过脱密处理，"
            + "不涉及国家机密、商业秘密等涉密信息，不存在违法违规等影响遴选认定的情况，符合申报要求。本单位将积极配合完成后续的遴选、"
            + "评审、公示与监督检查等工作。";

    private static final String CSS = """
            h1 { text-align: center; font-size: 18pt; font-weight: bold; margin: 0 0 2mm 0; letter-spacing: 1pt; }
            p.filed { text-align: right; margin: 0 0 3mm 0; }
            table { width: 100%; border-collapse: collapse; margin: 0 0 4mm 0; table-layout: fixed; -fs-table-paginate: paginate; }
            table.whole { page-break-inside: avoid; }
            tr { page-break-inside: avoid; }
            td { border: 0.6pt solid #000; padding: 1.4mm 2mm; vertical-align: middle; word-wrap: break-word; }
            td.section { font-weight: bold; font-size: 11.5pt; background-color: #eeeeee; }
            td.label { text-align: center; }
            td.narrow { text-align: center; }
            td.center { text-align: center; }
            td.text { text-align: justify; }
            td.choices { line-height: 1.9; }
            span.choice { margin-right: 4mm; white-space: nowrap; }
            div.sign { height: 16mm; border: 0.6pt dashed #555; margin: 1mm 0; }
            div.seal { height: 42mm; width: 42mm; border: 0.6pt dashed #555; margin: 2mm 0 2mm auto; text-align: center;
                       color: #777; font-size: 9pt; }
            p.indent { text-indent: 2em; margin: 1mm 0; }
            """;

    private static final int[] TWO = {24, 76};
    private static final int[] FOUR = {20, 30, 18, 32};

    private FormDocument() {
    }

    /** The whole printable page. */
    public static String xhtml(FormPrintout p) {
        ApplicationForm f = p.form();
        String version = p.version() == null ? "草稿（未提交）" : "第 " + p.version() + " 版";
        String footer = "申报编号 " + p.applicationId() + " · " + version + " · 填报日期 "
                + (p.filingDate() == null ? "提交时填写" : Html.date(p.filingDate()).replace(" ", ""));
        StringBuilder b = new StringBuilder(24_000);
        b.append("<h1>").append(TITLE).append("</h1>");
        b.append("<p class=\"filed\">填报日期：").append(date(p.filingDate())).append("</p>");
        applicant(b, f.applicant());
        contact(b, f.contact());
        participants(b, f.participants());
        enterprise(b, f.enterprise());
        product(b, f.product());
        selfAssessment(b, f.selfAssessment());
        evaluation(b, f.operationalEvaluation());
        materials(b, f);
        opinion(b, f.opinion());
        commitment(b, f);
        return Html.page(TITLE, CSS, footer, b.toString());
    }

    private static void applicant(StringBuilder b, ApplicationForm.Applicant a) {
        a = a == null ? new ApplicationForm.Applicant(null, null, null, null, null, null) : a;
        section(b, "一、申报机构基本信息", TWO);
        row(b, "机构名称", text(a.name()));
        row(b, "统一社会信用代码", text(a.uscc()));
        String address = text(a.registeredAddress()) + (blank(a.officeAddress()) ? "" : "<br/>（办公地址：" + text(a.officeAddress()) + "）");
        row(b, "注册地址<br/>（办公地址）", address);
        row(b, "持有金融牌照情况", text(a.financialLicenceNumber()));
        LeadKind lead = a.leadKind();
        row(b, "牵头单位类别", choices(Arrays.asList(LeadKind.values()), k -> k == lead, LeadKind::label));
        b.append("</table>");
    }

    private static void contact(StringBuilder b, ApplicationForm.Contact c) {
        c = c == null ? new ApplicationForm.Contact(null, null, null, null, null) : c;
        section(b, "二、申报机构指定联系人信息", FOUR);
        b.append("<tr><td class=\"label\">姓名</td><td>").append(text(c.name())).append("</td><td class=\"label\">联系电话</td><td>")
                .append(text(c.phone())).append("</td></tr>");
        b.append("<tr><td class=\"label\">所属部门</td><td>").append(text(c.department())).append("</td><td class=\"label\">职务</td><td>")
                .append(text(c.title())).append("</td></tr>");
        b.append("<tr><td class=\"label\">电子邮箱</td><td colspan=\"3\">").append(text(c.email())).append("</td></tr>");
        b.append("</table>");
    }

    private static void participants(StringBuilder b, List<ApplicationForm.Participant> participants) {
        section(b, "三、其他参与机构信息清单", 8, 34, 28, 30);
        b.append("<tr><td class=\"narrow\">序号</td><td class=\"center\">机构名称</td>"
                + "<td class=\"center\">统一社会信用代码</td><td class=\"center\">主要分工</td></tr>");
        for (int i = 0; i < Math.max(5, participants.size()); i++) {
            ApplicationForm.Participant p = i < participants.size() ? participants.get(i) : null;
            b.append("<tr><td class=\"narrow\">").append(i + 1).append("</td>");
            if (p == null) {
                b.append("<td>\u00A0</td><td></td><td></td></tr>");
                continue;
            }
            String notes = (Boolean.TRUE.equals(p.memberInstitution()) ? "（会员单位）" : "")
                    + (Boolean.TRUE.equals(p.scenarioProvider()) ? "（提供主要应用场景）" : "");
            b.append("<td>").append(text(p.name())).append("</td><td>").append(text(p.uscc())).append("</td><td>")
                    .append(text(p.role())).append(notes).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void enterprise(StringBuilder b, ApplicationForm.Enterprise e) {
        e = e == null ? new ApplicationForm.Enterprise(null, null, null, null, null, null, null, null, null, null) : e;
        EnterpriseType type = e.enterpriseType();
        section(b, "四、金融科技企业基本信息", FOUR);
        b.append("<tr><td class=\"label\">单位名称</td><td colspan=\"3\">").append(text(e.name())).append("</td></tr>");
        b.append("<tr><td class=\"label\">统一社会信用代码</td><td colspan=\"3\">").append(text(e.uscc())).append("</td></tr>");
        b.append("<tr><td class=\"label\">企业类型</td><td colspan=\"3\" class=\"choices\">")
                .append(choices(Arrays.asList(EnterpriseType.values()), t -> t == type, EnterpriseType::label)).append("</td></tr>");
        b.append("<tr><td class=\"label\">通信地址</td><td>").append(text(e.mailingAddress())).append("</td><td class=\"label\">邮编</td><td>")
                .append(text(e.postcode())).append("</td></tr>");
        String deptTitle = Objects.toString(e.department(), "") + (blank(e.title()) ? "" : " " + e.title());
        b.append("<tr><td class=\"label\">联系人</td><td>").append(text(e.contactName())).append("</td><td class=\"label\">部门及职务</td><td>")
                .append(text(deptTitle.trim())).append("</td></tr>");
        b.append("<tr><td class=\"label\">电子邮件</td><td>").append(text(e.email())).append("</td><td class=\"label\">手机</td><td>")
                .append(text(e.mobile())).append("</td></tr>");
        b.append("</table>");
    }

    private static void product(StringBuilder b, ApplicationForm.Product p) {
        p = p == null ? new ApplicationForm.Product(null, null, null, null, null, null, null, null) : p;
        ProductType type = p.productType();
        List<ApplicationScenario> scenarios = p.scenarios();
        section(b, "五、金融科技产品基本信息", TWO);
        row(b, "产品名称", text(p.name()));
        b.append("<tr><td class=\"label\">产品简介</td><td class=\"text\">").append(paragraphs(p.introduction())).append("</td></tr>");
        row(b, "关键技术", text(String.join("、", p.keyTechnologies())));
        row(b, "投运日期", p.goLiveDate() == null ? "" : date(p.goLiveDate()));
        String honours = p.honours().stream().filter(Objects::nonNull).map(h -> "〔" + (h.kind() == null ? "" : h.kind().label()) + "〕"
                + text(h.name()) + (h.date() == null ? "" : "，" + date(h.date())) + (blank(h.issuer()) ? "" : "，" + text(h.issuer())))
                .collect(Collectors.joining("<br/>"));
        row(b, "已获专利、认证<br/>和奖项", honours);
        b.append("<tr><td class=\"label\">产品类型<br/>（单选）</td><td class=\"choices\">")
                .append(choices(Arrays.asList(ProductType.values()), t -> t == type, ProductType::label)).append("</td></tr>");
        List<ApplicationScenario> named = Arrays.stream(ApplicationScenario.values()).filter(s -> s != ApplicationScenario.OTHER).toList();
        String other = box(scenarios.contains(ApplicationScenario.OTHER), "其他") + "（请注明：" + text(p.otherScenarioDescription()) + "）";
        b.append("<tr><td class=\"label\">主要应用场景<br/>（多选）</td><td class=\"choices\">")
                .append(choices(named, scenarios::contains, ApplicationScenario::label))
                .append("<span class=\"choice\">").append(other).append("</span></td></tr>");
        b.append("</table>");
    }

    private static void selfAssessment(StringBuilder b, ApplicationForm.SelfAssessment s) {
        s = s == null ? new ApplicationForm.SelfAssessment(null, null, null, null) : s;
        section(b, "六、自主评估部分", 16, 62, 22);
        b.append("<tr><td class=\"center\"></td><td class=\"center\">评估事项</td>"
                + "<td class=\"center\">选项</td></tr>");
        var l = s.legalCompliance() == null ? new ApplicationForm.LegalCompliance(null, null, null, null) : s.legalCompliance();
        dimension(b, "依法依规方面", List.of(
                yesNo("所涉及应用场景是否由本协会会员单位提供？", l.scenarioProvidedByMember(), false),
                yesNo("是否具备监管豁免或者监管关注？", l.regulatoryExemptionOrAttention(), false),
                yesNo("除明确的监管豁免或监管关注外，是否违反现行法律法规和监管规定？", l.violatesLawsBeyondExemption(), false),
                rating("对所申报产品在依法合规方面的综合评判", l.rating())));
        var i = s.financialInnovation() == null ? new ApplicationForm.FinancialInnovation(null, null, null, null, null) : s.financialInnovation();
        dimension(b, "金融创新方面", List.of(
                yesNo("是否侧重运用大数据、云计算、人工智能、物联网、区块链、元宇宙等新一代信息技术为金融业数字化转型升级赋能？",
                        i.empowersDigitalTransformation(), false),
                yesNo("是否以服务实体经济、提升金融服务效能、强化合规风控、保障金融安全、增强监管能力为导向？", i.orientedToRealEconomy(), false),
                yesNo("是否列入国家权威机构的信创产品目录？", i.listedInXinchuangCatalogue(), false),
                yesNo("是否具有第三方测试机构出具的适配验证测试报告？", i.thirdPartyAdaptationReport(), true),
                rating("对所申报产品在金融领域的业务创新、技术创新方面的综合评判", i.rating())));
        var r = s.riskControl() == null ? new ApplicationForm.RiskControl(null, null, null, null) : s.riskControl();
        dimension(b, "风险防控方面", List.of(
                yesNo("是否已经有效识别相关业务合规、系统安全、数据安全风险？", r.risksIdentified(), false),
                yesNo("是否存在发生重大风险隐患？", r.majorLatentRisk(), false),
                yesNo("是否已建立相应的风险防范机制和补偿措施？", r.preventionAndCompensation(), false),
                rating("对所申报产品可能面临的业务风险、技术风险以及对风险的处置、应对能力的综合评判", r.rating())));
        var a = s.afterSalesService() == null ? new ApplicationForm.AfterSalesService(null, null, null) : s.afterSalesService();
        dimension(b, "售后服务方面", List.of(
                yesNo("合作厂商是否具备切实有效的投诉处理机制？", a.effectiveComplaintMechanism(), false),
                yesNo("是否与厂商签订售后服务协议？", a.afterSalesAgreementSigned(), true),
                rating("对厂商的服务体系、沟通与响应效率、服务质量、持续服务能力等方面的综合评判", a.rating())));
        b.append("</table>");
    }

    private static String[] yesNo(String question, Boolean answer, boolean haveOrNot) {
        String yes = haveOrNot ? "有" : "是";
        String no = haveOrNot ? "无" : "否";
        return new String[] {text(question), "<span class=\"choice\">" + box(Boolean.TRUE.equals(answer), yes) + "</span>"
                + "<span class=\"choice\">" + box(Boolean.FALSE.equals(answer), no) + "</span>"};
    }

    private static String[] rating(String question, Rating rating) {
        String boxes = Arrays.stream(Rating.values()).map(x -> box(x == rating, x.label())).collect(Collectors.joining("<br/>"));
        return new String[] {text(question), boxes};
    }

    private static void dimension(StringBuilder b, String name, List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr>");
            if (i == 0) {
                b.append("<td class=\"center\" rowspan=\"").append(rows.size()).append("\">").append(name).append("</td>");
            }
            b.append("<td>").append(rows.get(i)[0]).append("</td><td>").append(rows.get(i)[1]).append("</td></tr>");
        }
    }

    private static void evaluation(StringBuilder b, ApplicationForm.OperationalEvaluation e) {
        e = e == null ? new ApplicationForm.OperationalEvaluation(null, null, null, null, null, null, null, null, null) : e;
        section(b, "七、运行评估报告", TWO);
        row(b, "出具单位", text(e.issuerName()) + (blank(e.issuerUscc()) ? "" : "<br/>统一社会信用代码：" + text(e.issuerUscc())));
        textRow(b, "技术安全性与创新性", e.technicalSecurityAndInnovation());
        textRow(b, "业务合规性", e.businessCompliance());
        textRow(b, "风险防控", e.riskControl());
        textRow(b, "解决的痛点", e.painPointsSolved());
        textRow(b, "取得的成效", e.effectAchieved());
        textRow(b, "厂商服务质量", e.vendorServiceQuality());
        row(b, "评估报告原件", blank(e.reportAttachmentId()) ? "" : "已作为附件上传");
        b.append("</table>");
    }

    private static void materials(StringBuilder b, ApplicationForm f) {
        section(b, "八、辅助申报材料清单", 8, 22, 70);
        b.append("<tr><td class=\"narrow\">序号</td><td class=\"center\">材料类别</td><td class=\"center\">材料名称</td></tr>");
        List<ApplicationForm.SupportingMaterial> materials = f.supportingMaterials().stream().filter(Objects::nonNull).toList();
        for (int i = 0; i < Math.max(1, materials.size()); i++) {
            ApplicationForm.SupportingMaterial m = i < materials.size() ? materials.get(i) : null;
            b.append("<tr><td class=\"narrow\">").append(i + 1).append("</td><td class=\"center\">")
                    .append(m == null || m.kind() == null ? "" : text(m.kind().label())).append("</td><td>")
                    .append(m == null ? "\u00A0" : text(m.title())).append("</td></tr>");
        }
        List<ApplicationForm.EligibilityClaim> claims = f.eligibility().stream().filter(Objects::nonNull).toList();
        b.append("<tr><td colspan=\"3\">认定条件（管理办法第四条）：");
        for (ApplicationForm.EligibilityClaim c : claims) {
            b.append("<br/>").append(box(true, c.basis() == null ? "" : c.basis().label()));
            if (!blank(c.evidence())) {
                b.append("；依据：").append(text(c.evidence()));
            }
        }
        b.append("</td></tr></table>");
    }

    private static void opinion(StringBuilder b, ApplicationForm.Opinion o) {
        OpinionDecision decision = o == null ? null : o.decision();
        section(b, "九、申报单位意见", TWO);
        b.append("<tr><td class=\"label\">意见</td><td class=\"choices\">")
                .append(choices(Arrays.asList(OpinionDecision.values()), d -> d == decision, OpinionDecision::label)).append("</td></tr>");
        row(b, "签字人", o == null ? "" : text(o.signatory()));
        b.append("<tr><td class=\"label\">签字</td><td><div class=\"sign\"></div></td></tr>");
        row(b, "日期", date(o == null ? null : o.date()));
        b.append("</table>");
    }

    private static void commitment(StringBuilder b, ApplicationForm f) {
        String org = f.applicant() == null ? "" : text(f.applicant().name());
        boolean accepted = f.commitment() != null && Boolean.TRUE.equals(f.commitment().accepted());
        // the commitment, its seal and signature stay on one page
        b.append("<table class=\"whole\"><thead><tr><td class=\"section\">十、申报单位承诺书</td></tr></thead>");
        b.append("<tr><td>");
        b.append("<p>本单位郑重承诺：</p><p class=\"indent\">").append(COMMITMENT).append("</p>");
        b.append("<p>").append(box(accepted, "申报单位已在系统中确认以上承诺")).append("</p>");
        b.append("<p>单位：").append(org).append("（公章）</p>");
        b.append("<div class=\"seal\">（盖章处）</div>");
        b.append("<p>签字：</p><div class=\"sign\"></div>");
        b.append("<p style=\"text-align: right\">").append(date(null)).append("</p>");
        b.append("</td></tr></table>");
    }

    /** A section's table: its column widths (table-layout: fixed takes them from here) and its heading row. */
    private static void section(StringBuilder b, String title, int... widths) {
        b.append("<table><colgroup>");
        for (int w : widths) {
            b.append("<col style=\"width: ").append(w).append("%\"/>");
        }
        b.append("</colgroup><thead><tr><td colspan=\"").append(widths.length).append("\" class=\"section\">").append(title)
                .append("</td></tr></thead>");
    }

    private static void row(StringBuilder b, String label, String valueHtml) {
        b.append("<tr><td class=\"label\">").append(label).append("</td><td>").append(valueHtml).append("</td></tr>");
    }

    private static void textRow(StringBuilder b, String label, String value) {
        b.append("<tr><td class=\"label\">").append(label).append("</td><td class=\"text\">").append(paragraphs(value)).append("</td></tr>");
    }

    /** Multi-line text as Annex 2 asks: left-aligned, each paragraph's first line indented by two characters. */
    private static String paragraphs(String value) {
        if (blank(value)) {
            return "";
        }
        return Arrays.stream(value.split("\\R")).filter(line -> !line.isBlank())
                .map(line -> "<p class=\"indent\">" + text(line.strip()) + "</p>").collect(Collectors.joining());
    }

    private static <T> String choices(List<T> options, java.util.function.Predicate<T> checked, Function<T, String> label) {
        return options.stream().map(o -> "<span class=\"choice\">" + box(checked.test(o), label.apply(o)) + "</span> ")
                .collect(Collectors.joining());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
