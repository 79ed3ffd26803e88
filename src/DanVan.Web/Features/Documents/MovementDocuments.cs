using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Results;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public sealed class DocumentInput
{
    [Display(Name = "Loại văn bản")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public DocumentKind? Kind { get; set; }

    [Display(Name = "Số, ký hiệu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(60, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Number { get; set; }

    [Display(Name = "Ngày ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "Cơ quan ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Issuer { get; set; }

    [Display(Name = "Trích yếu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(1000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Title { get; set; }

    /// <summary>The unit (2025 map) whose document it is; empty for a central one (admin).</summary>
    [Display(Name = "Đơn vị")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Công khai trên trang công khai")]
    public bool IsPublic { get; set; }

    /// <summary>What it governs: "campaign:12, round:3, initiative:451, nomination:9".</summary>
    [Display(Name = "Áp dụng cho")]
    [StringLength(2000)]
    [RegularExpression(@"^\s*((campaign|round|initiative|nomination):[0-9]+\s*(,\s*|$))*$", ErrorMessage = "{0}: viết như campaign:12, round:3, initiative:451, nomination:9.")]
    public string? Governs { get; set; }
}

public sealed record DocumentView(int Id, string Kind, string Number, DateOnly IssuedOn, string Issuer, string Title, string UnitName, bool IsPublic, string FileName,
    long Size, IReadOnlyList<string> Governs);

/// <summary>
/// The movement's documents (plans, directives, guidance): stored with number, date, issuer and file like evidence,
/// linked to what they govern, searched with or without tone marks; the public ones are listed on the public site.
/// Keeping them belongs to those who run rounds (the secretariat of the area).
/// </summary>
public static class MovementDocuments
{
    public static string KindLabel(DocumentKind k) => k switch
    {
        DocumentKind.Plan => "Kế hoạch",
        DocumentKind.Directive => "Chỉ thị",
        DocumentKind.Guidance => "Hướng dẫn",
        DocumentKind.Report => "Báo cáo",
        DocumentKind.Decision => "Quyết định",
        _ => "Văn bản khác",
    };

    public static async Task<MovementDocument> AddAsync(AppDbContext db, UserScope scope, EvidenceStore store, DocumentInput input, IFormFile file, TimeProvider clock,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        AdminUnit? unit = null;
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
                ?? throw DomainException.For(nameof(DocumentInput.UnitCode), "Không tìm thấy đơn vị (bản đồ 2025).");
        }

        var path = unit?.Path ?? "/";
        scope.Demand(Operation.ManageDocuments, path);
        var governs = await GovernsAsync(db, scope, input.Governs, ct);
        var stored = await store.SaveAsync(file, scope.UserName, clock.GetUtcNow(), db, ct);
        var d = MovementDocument.Keep(input.Kind!.Value, input.Number ?? string.Empty, input.IssuedOn!.Value, input.Issuer ?? string.Empty, input.Title ?? string.Empty,
            unit, input.IsPublic, governs, (stored.FileName, stored.Kind, stored.Size, stored.StorageName, stored.Sha256), clock.GetUtcNow(), scope.UserName);
        db.MovementDocuments.Add(d);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(stored, db);
            throw;
        }

        return d;
    }

    /// <summary>
    /// What a document may govern, for a person to pick by name: the area's registration rounds and nomination rounds, its
    /// models and nominations (newest first, a few hundred), each as its link key ("round:3") and words ("Đợt xét khen: …").
    /// </summary>
    public static async Task<List<(string Key, string Label)>> ChoicesAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var paths = scope.ReadPaths;
        var choices = new List<(string, string)>();
        choices.AddRange((await db.Campaigns.AsNoTracking().WithinPaths(paths, c => c.ScopePath).OrderByDescending(c => c.OpensOn).Take(50)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => ("campaign:" + Invariant(c.Id), "Đợt đăng ký: " + c.Name)));
        choices.AddRange((await db.NominationRounds.AsNoTracking().WithinPaths(paths, c => c.ScopePath).OrderByDescending(c => c.OpensOn).Take(50)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => ("round:" + Invariant(c.Id), "Đợt xét khen thưởng: " + c.Name)));
        choices.AddRange((await db.Initiatives.AsNoTracking().WithinPaths(paths, c => c.ScopePath).OrderByDescending(c => c.Id).Take(300)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => ("initiative:" + Invariant(c.Id), $"Mô hình #{Invariant(c.Id)}: {c.Name}")));
        choices.AddRange((await db.Nominations.AsNoTracking().WithinPaths(paths, c => c.ScopePath).OrderByDescending(c => c.Id).Take(100)
            .Select(c => new { c.Id, c.RecipientName }).ToListAsync(ct)).Select(c => ("nomination:" + Invariant(c.Id), $"Hồ sơ khen thưởng #{Invariant(c.Id)}: {c.RecipientName}")));
        return choices;
    }

    /// <summary>The words for links shown in a list ("round:3" → "Đợt xét khen thưởng: …"); a link not found stays as it is.</summary>
    public static async Task<Dictionary<string, string>> LabelsAsync(AppDbContext db, IEnumerable<string> links, CancellationToken ct)
    {
        var ids = links.Distinct().Select(l => l.Split(':')).Where(p => p.Length == 2 && int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .GroupBy(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, list) in ids)
        {
            var named = kind switch
            {
                "campaign" => await db.Campaigns.Where(c => list.Contains(c.Id)).Select(c => new { c.Id, Name = "Đợt đăng ký: " + c.Name }).ToListAsync(ct),
                "round" => await db.NominationRounds.Where(c => list.Contains(c.Id)).Select(c => new { c.Id, Name = "Đợt xét khen thưởng: " + c.Name }).ToListAsync(ct),
                "initiative" => await db.Initiatives.Where(c => list.Contains(c.Id)).Select(c => new { c.Id, Name = "Mô hình: " + c.Name }).ToListAsync(ct),
                "nomination" => await db.Nominations.Where(c => list.Contains(c.Id)).Select(c => new { c.Id, Name = "Hồ sơ khen thưởng: " + c.RecipientName }).ToListAsync(ct),
                _ => [],
            };
            foreach (var n in named)
            {
                labels[kind + ":" + Invariant(n.Id)] = n.Name;
            }
        }

        return labels;
    }

    private static string Invariant(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The links, each to a record the caller may read.</summary>
    private static async Task<List<string>> GovernsAsync(AppDbContext db, UserScope scope, string? text, CancellationToken ct)
    {
        var links = new List<string>();
        foreach (Match m in Regex.Matches(text ?? string.Empty, @"(campaign|round|initiative|nomination):([0-9]{1,9})"))
        {
            var id = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var path = m.Groups[1].Value switch
            {
                "campaign" => await db.Campaigns.Where(x => x.Id == id).Select(x => x.ScopePath).FirstOrDefaultAsync(ct),
                "round" => await db.NominationRounds.Where(x => x.Id == id).Select(x => x.ScopePath).FirstOrDefaultAsync(ct),
                "initiative" => await db.Initiatives.Where(x => x.Id == id).Select(x => x.ScopePath).FirstOrDefaultAsync(ct),
                _ => await db.Nominations.Where(x => x.Id == id).Select(x => x.ScopePath).FirstOrDefaultAsync(ct),
            };
            if (path is null || !scope.CanRead(path))
            {
                throw DomainException.For(nameof(DocumentInput.Governs), $"Không tìm thấy {m.Value}.");
            }

            links.Add(m.Value);
        }

        return links.Distinct().ToList();
    }

    /// <summary>Documents the caller may read (their area's, the country's), or only the public ones; by words, kind, year.</summary>
    public static async Task<Page<DocumentView>> SearchAsync(AppDbContext db, UserScope? scope, string? q, DocumentKind? kind, int? year, string? governs, ListPage page,
        CancellationToken ct, int? id = null)
    {
        var docs = db.MovementDocuments.AsNoTracking();
        if (scope is null)
        {
            docs = docs.Where(d => d.IsPublic);
        }
        else if (!scope.CanRead("/"))
        {
            var mine = db.MovementDocuments.ReadableBy(scope, d => d.ScopePath).Select(d => d.Id);
            docs = docs.Where(d => d.IsPublic || d.ScopePath == "/" || mine.Contains(d.Id));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            foreach (var word in VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                docs = docs.Where(d => d.SearchText.Contains(word));
            }
        }

        if (kind is { } k)
        {
            docs = docs.Where(d => d.Kind == k);
        }

        if (year is >= 2000 and <= 2100)
        {
            var from = new DateOnly(year.Value, 1, 1);
            var to = new DateOnly(year.Value, 12, 31);
            docs = docs.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(governs))
        {
            var link = governs.Trim();
            docs = docs.Where(d => d.Governs != null && ("," + d.Governs + ",").Contains("," + link + ","));
        }

        if (id is { } one)
        {
            docs = docs.Where(d => d.Id == one);
        }

        var rows = await Paging.NewestFirstAsync(docs.Include(d => d.Unit), d => d.IssuedOn, page, ct);
        return rows.Select(d => new DocumentView(d.Id, EnumKeys.Key(d.Kind), d.Number, d.IssuedOn, d.Issuer, d.Title, d.Unit?.FullName ?? "Trung ương", d.IsPublic, d.FileName, d.Size,
            (d.Governs ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A document's file for this caller (null scope: the public), or null.</summary>
    public static async Task<MovementDocument?> FileAsync(AppDbContext db, UserScope? scope, int id, CancellationToken ct)
    {
        var d = await db.MovementDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? null : d.IsPublic || d.ScopePath == "/" && scope is { IsAuthenticated: true } || (scope is not null && scope.CanRead(d.ScopePath)) ? d : null;
    }
}
