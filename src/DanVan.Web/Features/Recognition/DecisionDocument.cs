using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DanVan.Domain;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace DanVan.Features.Recognition;

/// <summary>What an officer may adjust on a recognition decision before printing it: the header, the grounds, the signer.</summary>
public sealed class DecisionLayout : DocumentInput
{
    [Display(Name = "Căn cứ")]
    [StringLength(2000)]
    [CleanText]
    public string? Bases { get; set; }

    [Display(Name = "Xét đề nghị")]
    [StringLength(500)]
    [CleanText]
    public string? Proposal { get; set; }
}

/// <summary>The decision's words, composed once, so the printed page and the .docx say the same.</summary>
public sealed record DecisionText(string Title, string Subject, IReadOnlyList<string> Bases, string? Proposal, IReadOnlyList<string> Articles,
    IReadOnlyList<string> Recipients, IReadOnlyList<string> Authority, string AnnexTitle, string AnnexNote);

/// <summary>
/// A recognition decision (quyết định công nhận) in the Party format of documents.md: the Party committee above its
/// steering committee, "Số 12-QĐ/BCĐ", "ĐẢNG CỘNG SẢN VIỆT NAM" with place and date, "Căn cứ …", "Xét đề nghị …",
/// Điều 1/2/3, "Nơi nhận" and the signer block; the list of models as an annex. State layout when a State body issues it.
/// </summary>
public static class DecisionDocument
{
    /// <summary>The defaults for a decision, from what the record holds; every field can be changed before printing.</summary>
    public static DecisionLayout Defaults(DecisionView d, IssuerKind issuer)
    {
        ArgumentNullException.ThrowIfNull(d);
        var place = ShortName(d.UnitName);
        var party = issuer == IssuerKind.Party;
        return new DecisionLayout
        {
            Issuer = issuer,
            SuperiorBody = party ? PartyCommittee(d) : d.UnitCode is null ? string.Empty : "Ủy ban nhân dân " + d.UnitName.ToLower(Cultures.Vietnamese).Split(' ')[0] + " " + place,
            IssuingBody = d.IssuingBody,
            Number = d.Number,
            Place = d.UnitCode is null ? "Hà Nội" : place,
            Date = d.Date,
            Subject = $"Về việc công nhận mô hình, điển hình \"Dân vận khéo\" {Recognitions.LevelLabel(d.Level).ToLower(Cultures.Vietnamese)} năm {d.Date.Year}",
            Bases = party
                ? $"Căn cứ Quy chế làm việc của {d.IssuingBody};\nCăn cứ Hướng dẫn thực hiện phong trào thi đua \"Dân vận khéo\" và tiêu chí công nhận mô hình, điển hình \"Dân vận khéo\";"
                    + (d.AppraisalId is null ? string.Empty : "\nCăn cứ kết quả thẩm định của Hội đồng thẩm định;")
                : "Căn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Luật Thi đua, khen thưởng;",
            Proposal = party ? "Xét đề nghị của Thường trực Ban Chỉ đạo (Ban Dân vận)," : "Xét đề nghị của Thường trực Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\",",
            Authority = party ? "T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN" : "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            Signer = d.Signer,
            Recipients = "- Như Điều 3,\n- Thường trực cấp ủy (để báo cáo),\n- Ban Dân vận cấp trên (để báo cáo),",
        };
    }

    public static DecisionText Compose(DecisionLayout l, DecisionView d)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(d);
        var level = Recognitions.LevelLabel(d.Level).ToLower(Cultures.Vietnamese);
        var issuer = (l.IssuingBody ?? d.IssuingBody).Trim();
        var count = d.Initiatives.Count.ToString(CultureInfo.InvariantCulture);
        string[] articles =
        [
            $"Điều 1. Công nhận {count} mô hình, điển hình \"Dân vận khéo\" {level} năm {d.Date.Year} (có danh sách kèm theo).",
            "Điều 2. Các tập thể, cá nhân có mô hình, điển hình được công nhận tiếp tục duy trì, nâng cao chất lượng, hiệu quả và nhân rộng mô hình; các đơn vị báo cáo kết quả theo định kỳ.",
            $"Điều 3. Văn phòng, các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký.",
        ];
        var recipients = Lines(l.Recipients).Append("- Lưu Văn phòng.").ToList();
        return new DecisionText("QUYẾT ĐỊNH", l.Subject ?? string.Empty, Lines(l.Bases).Select(b => b.TrimStart('-', ' ')).ToList(), l.Proposal?.Trim(),
            articles, recipients, Lines(l.Authority).Select(a => a.ToUpper(Cultures.Vietnamese)).ToList(),
            $"DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" {level.ToUpper(Cultures.Vietnamese)} NĂM {d.Date.Year}",
            string.Create(CultureInfo.InvariantCulture, $"(Kèm theo Quyết định số {l.Number} ngày {l.Date ?? d.Date:dd/MM/yyyy} của {issuer})"));
    }

    public static byte[] Build(DecisionLayout l, DecisionView d)
    {
        var t = Compose(l, d);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var (main, body) = OfficialDocument.Start(doc);
            body.Append(OfficialDocument.HeaderTable(l));
            body.Append(OfficialDocument.Para(t.Title, bold: true, center: true, size: 30, before: 360));
            body.Append(OfficialDocument.Para(t.Subject, bold: true, center: true));
            body.Append(OfficialDocument.Para("-----", center: true));
            body.Append(OfficialDocument.Para((l.IssuingBody ?? d.IssuingBody).ToUpper(Cultures.Vietnamese), bold: true, center: true, before: 120));
            foreach (var b in t.Bases)
            {
                body.Append(OfficialDocument.Para("- " + b, italic: l.Issuer == IssuerKind.State, indent: true, justify: true));
            }

            if (!string.IsNullOrWhiteSpace(t.Proposal))
            {
                body.Append(OfficialDocument.Para(t.Proposal, italic: l.Issuer == IssuerKind.State, indent: true, justify: true));
            }

            body.Append(OfficialDocument.Para("QUYẾT ĐỊNH:", bold: true, center: true, before: 120));
            foreach (var a in t.Articles)
            {
                body.Append(OfficialDocument.Para(a, indent: true, justify: true));
            }

            body.Append(OfficialDocument.FooterTable(l));
            body.Append(OfficialDocument.AnnexTitle(t.AnnexTitle));
            body.Append(OfficialDocument.Para(t.AnnexNote, italic: true, center: true));
            body.Append(OfficialDocument.Grid(["TT", "Tên mô hình, điển hình", "Chủ thể", "Đơn vị", "Lĩnh vực"],
                d.Initiatives.Select((i, k) => new[] { (k + 1).ToString(CultureInfo.InvariantCulture), i.Name, i.Owner ?? string.Empty, i.UnitName, Labels.Of(i.Field) }).ToList()));
            OfficialDocument.Finish(main, body);
        }

        return ms.ToArray();
    }

    /// <summary>The Party committee a steering committee belongs to: TỈNH ỦY HƯNG YÊN, ĐẢNG ỦY XÃ LƯƠNG BẰNG.</summary>
    public static string PartyCommittee(DecisionView d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.UnitCode is null)
        {
            return "BAN CHẤP HÀNH TRUNG ƯƠNG";
        }

        var kind = d.UnitName.Split(' ')[0];
        var name = ShortName(d.UnitName);
        return (kind is "Tỉnh" or "Thành" ? (kind == "Tỉnh" ? "Tỉnh ủy " : "Thành ủy ") : "Đảng ủy " + d.UnitName[..(d.UnitName.Length - name.Length)].ToLower(Cultures.Vietnamese)) + name;
    }

    /// <summary>"Tỉnh Hưng Yên" → "Hưng Yên"; "Thành phố Hà Nội" → "Hà Nội"; "Xã Lương Bằng" → "Lương Bằng".</summary>
    public static string ShortName(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Đặc khu ", "Phường ", "Xã " })
        {
            if (fullName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return fullName[prefix.Length..];
            }
        }

        return fullName;
    }

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
