using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Recognition;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Awards;

public sealed class RecipientInput
{
    public RecipientKind? Kind { get; set; }

    [StringLength(300)]
    [CleanText]
    public string? Name { get; set; }

    /// <summary>The recipient's unit: its code, or its name as people write it ("Xã Lương Bằng").</summary>
    [Display(Name = "Đơn vị")]
    [StringLength(200)]
    [CleanText]
    public string? UnitCode { get; set; }

    /// <summary>2024 or 2025; by default the map in force on the decision's date.</summary>
    public int? Map { get; set; }

    public int? InitiativeId { get; set; }

    /// <summary>A received nomination this line commends (its recipient and unit are taken from it).</summary>
    public int? NominationId { get; set; }

    [StringLength(2000)]
    [CleanText]
    public string? Achievement { get; set; }
}

public sealed class AwardInput
{
    [Display(Name = "Số quyết định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(50, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Number { get; set; }

    [Display(Name = "Ngày quyết định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? DecidedOn { get; set; }

    [Display(Name = "Hình thức khen thưởng")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(40)]
    public string? FormCode { get; set; }

    /// <summary>The issuing unit (2025 map); empty for a national body.</summary>
    [Display(Name = "Đơn vị ban hành")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Cơ quan ban hành")]
    [StringLength(300)]
    [CleanText]
    public string? IssuingBody { get; set; }

    [Display(Name = "Người ký")]
    [StringLength(200)]
    [CleanText]
    public string? Signer { get; set; }

    [Display(Name = "Tập thể, cá nhân được khen thưởng")]
    [MaxLength(2000, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<RecipientInput> Recipients { get; set; } = [];
}

public sealed class AwardFormInput
{
    [Display(Name = "Mã")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [RegularExpression("^[a-z0-9_]{2,40}$", ErrorMessage = "{0}: chữ thường không dấu, số, dấu gạch dưới (2–40 ký tự).")]
    public string? Code { get; set; }

    [Display(Name = "Tên hình thức")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Chữ trên bằng")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(60, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Title { get; set; }

    [Display(Name = "Cấp")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public RecognitionLevel? Level { get; set; }

    [Display(Name = "Cơ quan ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? IssuingBody { get; set; }

    /// <summary>A province's code for its own form; empty for the country's (admin only).</summary>
    [StringLength(10)]
    public string? UnitCode { get; set; }
}

public sealed record RecipientView(int Id, RecipientKind Kind, string Name, string UnitCode, string UnitName, int? InitiativeId, string? InitiativeName, int? NominationId,
    string? Achievement);

public sealed record AwardView(int Id, string Number, DateOnly DecidedOn, RecognitionLevel Level, string FormCode, string FormName, string Title, string IssuingBody,
    string? Signer, string? UnitCode, string UnitName, int Version, IReadOnlyList<RecipientView> Recipients);

/// <summary>Recipients of award decisions dated in the period under a unit, as the summary's "commended" block.</summary>
public sealed record Commended(long Total, IReadOnlyDictionary<string, long> ByKind, IReadOnlyDictionary<string, long> ByLevel, IReadOnlyDictionary<string, long> ByForm);

/// <summary>Award decisions (quyết định khen thưởng): issued by the level that may recognise there, listing collectives and persons.</summary>
public static class Awards
{
    public static async Task<AwardDecision> IssueAsync(AppDbContext db, UserScope scope, AwardInput input, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        AdminUnit? issuer = null;
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            issuer = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
                ?? throw DomainException.For(nameof(AwardInput.UnitCode), "Không tìm thấy đơn vị ban hành (bản đồ 2025).");
        }

        var path = AwardDecision.PathOf(issuer);
        var form = await Nominations.Nominations.FormsAsync(db, path).FirstOrDefaultAsync(f => f.Code == input.FormCode, ct)
            ?? throw DomainException.For(nameof(AwardInput.FormCode), "Không có hình thức khen thưởng này.");
        scope.Demand(Permissions.RecognizeAt(form.Level), path);
        // Lines come from the API, the page and the import: each is checked by its own rules here (lengths, clean text).
        input.Recipients = [.. (input.Recipients ?? []).Where(r => r is not null)];
        // (A dictionary's FirstOrDefault is a struct, never null: the count says whether there is an error.)
        var errors = Validation.Errors(input);
        if (errors.Count > 0)
        {
            throw DomainException.For(errors.First().Key, errors.First().Value[0]);
        }

        for (var k = 0; k < input.Recipients.Count; k++)
        {
            var bad = Validation.Errors(input.Recipients[k]);
            if (bad.Count > 0)
            {
                throw DomainException.For(nameof(AwardInput.Recipients), $"Dòng {k + 1}: {bad.First().Value[0]}");
            }
        }

        var on = input.DecidedOn!.Value;
        var number = input.Number!.Trim();
        var body = string.IsNullOrWhiteSpace(input.IssuingBody) ? form.IssuingBody : input.IssuingBody.Trim();
        // The form's level and the issuer, and the number's key, are the decision's own rules.
        var decision = AwardDecision.Issue(form, issuer, number, on, body, input.Signer, clock.GetUtcNow(), scope.UserName);
        var yearStart = new DateOnly(on.Year, 1, 1);
        var yearEnd = new DateOnly(on.Year, 12, 31);
        if (await db.AwardDecisions.AnyAsync(d => d.NumberKey == decision.NumberKey || (d.ScopePath == path && d.IssuingBody == body && d.Number == number && d.DecidedOn >= yearStart && d.DecidedOn <= yearEnd), ct))
        {
            throw DomainException.For(nameof(AwardInput.Number), $"{body} đã có quyết định số {number} năm {on.Year}.");
        }

        if (input.Recipients.Count == 0)
        {
            throw DomainException.For(nameof(AwardInput.Recipients), "Quyết định cần ít nhất một tập thể hoặc cá nhân được khen thưởng.");
        }

        var nominations = new List<Nomination>();
        var line = 0;
        foreach (var r in input.Recipients)
        {
            line++;
            string Where(string what) => $"Dòng {line}: {what}";
            if (r.NominationId is { } nominationId)
            {
                var n = await db.Nominations.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == nominationId, ct);
                if (n is null || !scope.CanRead(n.ScopePath) || n.Status != NominationStatus.Received || n.HolderPath != path || n.HolderLevel != form.Level)
                {
                    throw DomainException.For(nameof(AwardInput.Recipients), Where("hồ sơ đề nghị chưa được tiếp nhận ở cấp ra quyết định này."));
                }

                var unitOf = await db.AdminUnits.FirstAsync(u => u.Id == n.UnitId, ct);
                nominations.Add(n);
                decision.Commend(n.RecipientKind, n.RecipientName, unitOf, n.InitiativeId, n.Id, r.Achievement ?? Excerpt(n.Achievements));
                continue;
            }

            if (r.Kind is null || string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.UnitCode))
            {
                throw DomainException.For(nameof(AwardInput.Recipients), Where("cần loại (tập thể/cá nhân), tên và đơn vị (tên hoặc mã)."));
            }

            var map = r.Map ?? Maps.InForceOn(on);
            var (found, ambiguous) = await Units.UnitNames.FindAsync(db, scope.CanRead, map, r.UnitCode, ct);
            var unit = found is null ? null : await db.AdminUnits.FirstAsync(u => u.Id == found.Id, ct);
            if (unit is null)
            {
                throw DomainException.For(nameof(AwardInput.Recipients), Where(ambiguous
                    ? $"có nhiều đơn vị tên \"{r.UnitCode}\"; ghi mã đơn vị."
                    : $"không có đơn vị \"{r.UnitCode}\" trên bản đồ {map} (ghi tên như \"Xã Lương Bằng\" hoặc mã)."));
            }

            var current = unit.CountsUnder;
            if (r.InitiativeId is { } initiativeId && !await db.Initiatives.AnyAsync(i => i.Id == initiativeId && i.ScopePath == current, ct))
            {
                throw DomainException.For(nameof(AwardInput.Recipients), Where("mô hình không thuộc đơn vị này."));
            }

            try
            {
                decision.Commend(r.Kind.Value, r.Name, unit, r.InitiativeId, null, r.Achievement);
            }
            catch (DomainException e)
            {
                throw DomainException.For(nameof(AwardInput.Recipients), Where(e.Message));
            }
        }

        // The decision and the nominations it settles, together or not at all.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.AwardDecisions.Add(decision);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // Another decision with this number was saved between the check above and this save.
                throw DomainException.For(nameof(AwardInput.Number), $"{body} đã có quyết định số {number} năm {on.Year}.");
            }

            foreach (var n in nominations)
            {
                n.Award(decision.Id, clock.GetUtcNow(), scope.UserName);
                await Notifier.NotifyOfficersAsync(db, n.ScopePath, $"\"{n.RecipientName}\" được khen thưởng theo Quyết định số {decision.Number}.", $"/Awards/Detail/{decision.Id}",
                    clock.GetUtcNow(), ct);
            }

            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return decision;
    }

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..499] + "…";

    public static async Task<AwardView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var d = await Readable(db, scope).Include(x => x.Form).Include(x => x.Unit).Include(x => x.Recipients).ThenInclude(r => r.Unit)
            .Include(x => x.Recipients).ThenInclude(r => r.Initiative).FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? null : View(d, scope);
    }

    // Someone outside the issuer's area (a province named in a national decision) sees only its own recipients.
    private static AwardView View(AwardDecision d, UserScope scope) => new(d.Id, d.Number, d.DecidedOn, d.Level, d.Form!.Code, d.Form.Name, d.Form.Title, d.IssuingBody, d.Signer,
        d.Unit?.Code, d.Unit?.FullName ?? "Trung ương", d.Version,
        d.Recipients.Where(r => scope.CanRead(d.ScopePath) || scope.CanRead(r.ScopePath)).OrderBy(r => r.Kind).ThenBy(r => r.Id)
            .Select(r => new RecipientView(r.Id, r.Kind, r.Name, r.Unit!.Code, r.Unit.FullName, r.InitiativeId, r.Initiative?.Name, r.NominationId, r.Achievement)).ToList());

    /// <summary>Decisions the caller may see: issued in their area, or commending someone in it.</summary>
    private static IQueryable<AwardDecision> Readable(AppDbContext db, UserScope scope)
    {
        if (scope.CanRead("/"))
        {
            return db.AwardDecisions.AsNoTracking();
        }

        var recipients = db.AwardRecipients.ReadableBy(scope, r => r.ScopePath).Select(r => r.DecisionId);
        var issued = db.AwardDecisions.ReadableBy(scope, d => d.ScopePath).Select(d => d.Id);
        return db.AwardDecisions.AsNoTracking().Where(d => issued.Contains(d.Id) || recipients.Contains(d.Id));
    }

    /// <summary>The register of award decisions: by number, year, form.</summary>
    public static async Task<Page<AwardView>> RegisterAsync(AppDbContext db, UserScope scope, string? number, int? year, string? form, ListPage page, CancellationToken ct)
    {
        var q = Readable(db, scope);
        if (!string.IsNullOrWhiteSpace(number))
        {
            var n = number.Trim();
            q = q.Where(d => d.Number.Contains(n));
        }

        if (year is >= 2000 and <= 2100)
        {
            var from = new DateOnly(year.Value, 1, 1);
            var to = new DateOnly(year.Value, 12, 31);
            q = q.Where(d => d.DecidedOn >= from && d.DecidedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(form))
        {
            q = q.Where(d => d.Form!.Code == form);
        }

        var rows = await Paging.NewestFirstAsync(
            q.Include(x => x.Form).Include(x => x.Unit).Include(x => x.Recipients).ThenInclude(r => r.Unit).Include(x => x.Recipients).ThenInclude(r => r.Initiative),
            d => d.DecidedOn, page, ct);
        return rows.Select(r => View(r, scope));
    }

    /// <summary>The summary's "commended": recipients of decisions dated in [from, to] under the unit, on either map.</summary>
    public static async Task<Commended> CountAsync(AppDbContext db, UserScope scope, int map, string? path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var q = db.AwardRecipients.AsNoTracking().ReadableBy(scope, r => r.ScopePath);
        q = map == Maps.Current ? q.WithinPaths([path ?? "/"], r => r.ScopePath) : q.WithinPaths([path ?? "/"], r => r.LegacyPath);
        var rows = await q.Where(r => r.Decision!.DecidedOn >= from && r.Decision.DecidedOn <= to)
            .GroupBy(r => new { r.Kind, r.Decision!.Level, r.Decision.Form!.Code })
            .Select(g => new { g.Key.Kind, g.Key.Level, g.Key.Code, N = g.LongCount() }).ToListAsync(ct);
        return new Commended(rows.Sum(r => r.N),
            Enum.GetValues<RecipientKind>().ToDictionary(EnumKeys.Key, k => rows.Where(r => r.Kind == k).Sum(r => r.N)),
            Enum.GetValues<RecognitionLevel>().ToDictionary(l => Summary.Levels[(int)l], l => rows.Where(r => r.Level == l).Sum(r => r.N)),
            rows.GroupBy(r => r.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.N)));
    }

    /// <summary>tập thể / cá nhân, collective / individual, with or without tone marks.</summary>
    public static RecipientKind? KindOf(string text) => VietnameseText.Fold(text).Trim() switch
    {
        "tap the" or "collective" => RecipientKind.Collective,
        "ca nhan" or "individual" => RecipientKind.Individual,
        _ => null,
    };

    public static string KindLabel(RecipientKind k) => k == RecipientKind.Collective ? "Tập thể" : "Cá nhân";

    /// <summary>
    /// The issuing body in full, as a certificate heads it: "Ban Thường vụ Tỉnh ủy" of Hưng Yên is "BAN THƯỜNG VỤ TỈNH ỦY HƯNG
    /// YÊN" (a form's body names no place; a body that already names it is kept).
    /// </summary>
    public static string BodyInFull(AwardView a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var place = DecisionDocument.ShortName(a.UnitName);
        var body = a.IssuingBody.Trim();
        return VietnameseText.Fold(body).Contains(VietnameseText.Fold(place), StringComparison.Ordinal) ? body : body + " " + place;
    }

    /// <summary>The decision in the Party format, as the recognition decision is composed.</summary>
    public static DecisionLayout Layout(AwardView a)
    {
        var asRecognition = AsRecognition(a);
        var layout = DecisionDocument.Defaults(asRecognition, IssuerKind.Party);
        layout.Subject = $"Về việc tặng {a.FormName.Split(" của ")[0]} cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\"";
        layout.Bases = $"Căn cứ Luật Thi đua, khen thưởng năm 2022;\nCăn cứ Quy chế làm việc của {a.IssuingBody};\nCăn cứ Hướng dẫn thực hiện phong trào thi đua \"Dân vận khéo\";";
        layout.Proposal = "Xét đề nghị của Ban Dân vận và Hội đồng Thi đua, khen thưởng,";
        layout.Authority = "T/M BAN THƯỜNG VỤ\nBÍ THƯ";
        return layout;
    }

    public static IReadOnlyList<string> Articles(AwardView a) =>
    [
        $"Điều 1. Tặng {a.FormName.Split(" của ")[0]} cho {Whom(a)} (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\".",
        "Điều 2. Các tập thể, cá nhân được khen thưởng tiếp tục phát huy thành tích, nhân rộng mô hình, cách làm hay.",
        "Điều 3. Văn phòng, các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký.",
    ];

    /// <summary>"2 tập thể và 3 cá nhân", "1 tập thể", "3 cá nhân": nobody is counted as zero.</summary>
    public static string Whom(AwardView a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var parts = new[] { (a.Recipients.Count(r => r.Kind == RecipientKind.Collective), "tập thể"), (a.Recipients.Count(r => r.Kind == RecipientKind.Individual), "cá nhân") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
        return string.Join(" và ", parts);
    }

    private static DecisionView AsRecognition(AwardView a) =>
        new(a.Id, a.Number, a.DecidedOn, a.Level, a.IssuingBody, a.Signer, a.UnitCode, a.UnitName, null, []);

    /// <summary>The decision as a .docx that Word and LibreOffice open: the Party format, the recipients as an annex.</summary>
    public static byte[] Docx(AwardView a)
    {
        var l = Layout(a);
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var (main, body) = OfficialDocument.Start(doc);
            body.Append(OfficialDocument.HeaderTable(l));
            body.Append(OfficialDocument.Para("QUYẾT ĐỊNH", bold: true, center: true, size: 30, before: 360));
            body.Append(OfficialDocument.Para(l.Subject ?? string.Empty, bold: true, center: true));
            body.Append(OfficialDocument.Para("-----", center: true));
            body.Append(OfficialDocument.Para(a.IssuingBody.ToUpper(Cultures.Vietnamese), bold: true, center: true, before: 120));
            foreach (var b in (l.Bases ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.Append(OfficialDocument.Para("- " + b, indent: true, justify: true));
            }

            body.Append(OfficialDocument.Para(l.Proposal ?? string.Empty, indent: true, justify: true));
            body.Append(OfficialDocument.Para("QUYẾT ĐỊNH:", bold: true, center: true, before: 120));
            foreach (var article in Articles(a))
            {
                body.Append(OfficialDocument.Para(article, indent: true, justify: true));
            }

            body.Append(OfficialDocument.FooterTable(l));
            body.Append(OfficialDocument.AnnexTitle("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"));
            body.Append(OfficialDocument.Para(System.FormattableString.Invariant($"(Kèm theo Quyết định số {a.Number} ngày {a.DecidedOn:dd/MM/yyyy} của {a.IssuingBody})"), italic: true, center: true));
            body.Append(OfficialDocument.Grid(["TT", "Tập thể, cá nhân", "Đơn vị", "Mô hình"],
                a.Recipients.Select((r, k) => new[] { (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{r.Name} ({KindLabel(r.Kind).ToLower(Cultures.Vietnamese)})", r.UnitName, r.InitiativeName ?? string.Empty }).ToList()));
            OfficialDocument.Finish(main, body);
        }

        return ms.ToArray();
    }

    /// <summary>A new award form: the country's by an admin, a province's own by its secretariat (those who manage criteria).</summary>
    public static async Task<AwardForm> AddFormAsync(AppDbContext db, UserScope scope, AwardFormInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = "/";
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            var unit = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode.Trim() && u.Level == 1, ct)
                ?? throw DomainException.For(nameof(AwardFormInput.UnitCode), $"Không có tỉnh, thành phố mã {input.UnitCode} trên bản đồ 2025.");
            path = unit.Path;
        }

        if (!scope.Can(Operation.ManageAwardForms, path))
        {
            throw new ScopeException(true); // the catalogue is shown to everyone signed in: a refusal, not "not found"
        }

        var code = input.Code!.Trim();
        if (await db.AwardForms.AnyAsync(f => f.Code == code && (path == "/" || f.ScopePath == "/" || f.ScopePath == path), ct))
        {
            throw DomainException.For(nameof(AwardFormInput.Code), $"Đã có hình thức mã {code}.");
        }

        var form = AwardForm.Define(code, input.Name!, input.Title!, input.Level!.Value, input.IssuingBody!, path, 1000 + await db.AwardForms.CountAsync(ct));
        db.AwardForms.Add(form);
        await db.SaveChangesAsync(ct);
        return form;
    }

    /// <summary>Renames a form or changes its certificate title or issuing body (its code and level stay: decisions use them).</summary>
    public static async Task<AwardForm> EditFormAsync(AppDbContext db, UserScope scope, string code, AwardFormInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var province = string.IsNullOrWhiteSpace(input.UnitCode) ? "/"
            : await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.Code == input.UnitCode.Trim() && u.Level == 1).Select(u => u.Path).FirstOrDefaultAsync(ct)
              ?? throw DomainException.For(nameof(AwardFormInput.UnitCode), $"Không có tỉnh, thành phố mã {input.UnitCode}.");
        var form = await db.AwardForms.FirstOrDefaultAsync(f => f.Code == code && f.ScopePath == province, ct);
        if (form is null || !scope.CanRead(province))
        {
            throw new ScopeException(false);
        }

        if (!scope.Can(Operation.ManageAwardForms, province))
        {
            throw new ScopeException(true);
        }

        form.Rename(input.Name!, input.Title!, input.IssuingBody!);
        await db.SaveChangesAsync(ct);
        return form;
    }

    // Forms: the country's (admin) and a province's own (its secretariat).
    public static async Task<List<AwardForm>> FormsAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var provinces = scope.ReadPaths.Select(UnitPaths.Province).Distinct().ToList();
        return await db.AwardForms.AsNoTracking().Where(f => f.ScopePath == "/" || provinces.Contains(f.ScopePath) || scope.IsAdmin)
            .OrderBy(f => f.Level).ThenBy(f => f.SortOrder).ThenBy(f => f.Name).ToListAsync(ct);
    }
}
