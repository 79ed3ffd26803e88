namespace DanVan.Domain;

/// <summary>Who an award goes to: a collective (tập thể) or a person (cá nhân).</summary>
public enum RecipientKind
{
    Collective = 0,
    Individual = 1,
}

/// <summary>A form of award one level issues: "Giấy khen của Ban Thường vụ Đảng ủy xã", "Bằng khen của Ban Dân vận Trung ương"…</summary>
public class AwardForm : IVersioned, IAudited
{
    private AwardForm()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>What the certificate says in large letters: BẰNG KHEN, GIẤY KHEN.</summary>
    public string Title { get; private set; } = string.Empty;

    public RecognitionLevel Level { get; private set; }

    /// <summary>The body that issues it: "Ban Thường vụ Tỉnh ủy".</summary>
    public string IssuingBody { get; private set; } = string.Empty;

    /// <summary>"/" for the country's forms; a province's path for the forms it added.</summary>
    public string ScopePath { get; private set; } = "/";

    public int SortOrder { get; private set; }

    public int Version { get; set; }

    /// <summary>A form of the country's catalogue ("/") or of a province's own (never of the national level).</summary>
    public static AwardForm Define(string code, string name, string title, RecognitionLevel level, string issuingBody, string scopePath, int sortOrder)
    {
        if (scopePath != "/" && level == RecognitionLevel.National)
        {
            throw new DomainException("Hình thức khen thưởng cấp Trung ương chỉ có trong danh mục chung của cả nước.") { Field = "Level" };
        }

        var form = new AwardForm { Code = code.Trim(), Level = level, ScopePath = scopePath, SortOrder = sortOrder };
        form.Rename(name, title, issuingBody);
        return form;
    }

    /// <summary>A new name, certificate title or issuing body; the code and the level stay (decisions use them).</summary>
    public void Rename(string name, string title, string issuingBody)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(issuingBody))
        {
            throw new DomainException("Hình thức khen thưởng cần tên, chữ trên bằng và cơ quan ban hành.") { Field = "Name" };
        }

        Name = name.Trim();
        Title = title.Trim().ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        IssuingBody = issuingBody.Trim();
    }
}

/// <summary>An award decision (quyết định khen thưởng): one form, one issuing body, its recipients.</summary>
public class AwardDecision : IVersioned, IAudited
{
    private AwardDecision()
    {
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public DateOnly DecidedOn { get; private set; }

    public RecognitionLevel Level { get; private set; }

    public int FormId { get; private set; }

    public AwardForm? Form { get; private set; }

    public string IssuingBody { get; private set; } = string.Empty;

    /// <summary>Where, by whom, which number, which year: unique, so two decisions saved at once cannot take one number.</summary>
    public string NumberKey { get; private set; } = string.Empty;

    public string? Signer { get; private set; }

    /// <summary>The issuing unit (null for a national body).</summary>
    public int? UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    /// <summary>Where the issuing body sits: its unit's path, "/" for the country.</summary>
    public string ScopePath { get; private set; } = "/";

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public int Version { get; set; }

    public List<AwardRecipient> Recipients { get; private set; } = [];

    /// <summary>The path a decision of this form is issued at by this unit (none: a national body, "/").</summary>
    public static string PathOf(AdminUnit? issuer) => issuer?.Path ?? "/";

    /// <summary>The key that makes a number unique: issuer's path, body and number as a reader sees them, year.</summary>
    public static string KeyOf(string path, string issuingBody, string number, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}|{DocumentNumber.Key(issuingBody)}|{DocumentNumber.Key(number)}|{year}");

    /// <summary>
    /// A decision of a form by the unit of its level: a national form by a national body (no unit), a province's
    /// Bằng khen by a province, a commune's Giấy khen by a commune.
    /// </summary>
    public static AwardDecision Issue(AwardForm form, AdminUnit? issuer, string number, DateOnly decidedOn, string issuingBody, string? signer, DateTimeOffset at, string? by)
    {
        ArgumentNullException.ThrowIfNull(form);
        if ((form.Level == RecognitionLevel.National) != (issuer is null))
        {
            throw new DomainException(form.Level == RecognitionLevel.National
                ? "Hình thức cấp Trung ương do cơ quan Trung ương ban hành: để trống đơn vị ban hành."
                : "Chọn đơn vị ban hành đúng cấp của hình thức khen thưởng.") { Field = "UnitCode" };
        }

        if (form.Level == RecognitionLevel.Province && issuer!.ParentId is not null)
        {
            throw new DomainException("Bằng khen cấp tỉnh do tỉnh, thành phố ban hành.") { Field = "UnitCode" };
        }

        if (form.Level == RecognitionLevel.Commune && issuer!.Level != 2)
        {
            throw new DomainException("Giấy khen cấp xã do xã, phường, đặc khu ban hành.") { Field = "UnitCode" };
        }

        var path = PathOf(issuer);
        return new AwardDecision
        {
            Number = number.Trim(), DecidedOn = decidedOn, Level = form.Level, FormId = form.Id, IssuingBody = issuingBody.Trim(), Signer = signer?.Trim(),
            UnitId = issuer?.Id, ScopePath = path, NumberKey = KeyOf(path, issuingBody.Trim(), number.Trim(), decidedOn.Year), CreatedAt = at, CreatedBy = by,
        };
    }

    /// <summary>A collective or a person commended, on a unit within the issuer's area (a 2024 unit counts where it went).</summary>
    public AwardRecipient Commend(RecipientKind kind, string name, AdminUnit unit, int? initiativeId, int? nominationId, string? achievement)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!UnitPaths.Contains(ScopePath, unit.CountsUnder))
        {
            throw new DomainException($"{unit.FullName} không thuộc phạm vi của đơn vị ban hành.") { Field = "Recipients" };
        }

        var r = new AwardRecipient(kind, name.Trim(), unit, initiativeId, nominationId, achievement?.Trim());
        Recipients.Add(r);
        return r;
    }
}

/// <summary>One collective or person an award decision commends, on the unit of the time (rolled into 2025 like records).</summary>
public class AwardRecipient
{
    private AwardRecipient()
    {
    }

    internal AwardRecipient(RecipientKind kind, string name, AdminUnit unit, int? initiativeId, int? nominationId, string? achievement)
    {
        (Kind, Name, UnitId, ScopePath, InitiativeId, NominationId, Achievement) = (kind, name, unit.Id, unit.CountsUnder, initiativeId, nominationId, achievement);
        LegacyPath = unit.Map == Maps.Map2024 ? unit.Path : unit.LegacyPath;
    }

    public int Id { get; private set; }

    public int DecisionId { get; private set; }

    public AwardDecision? Decision { get; private set; }

    public RecipientKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public int UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    /// <summary>Where it counts today (2025 map).</summary>
    public string ScopePath { get; private set; } = string.Empty;

    /// <summary>Where it counted on the 2024 map.</summary>
    public string LegacyPath { get; private set; } = string.Empty;

    public int? InitiativeId { get; private set; }

    public Initiative? Initiative { get; private set; }

    public int? NominationId { get; private set; }

    public string? Achievement { get; private set; }

    /// <summary>A person's name taken out (a personal-data erasure).</summary>
    public void Redact(string name, string? achievement) => (Name, Achievement) = (name, achievement);
}

/// <summary>Where a nomination is on its way up.</summary>
public enum NominationStatus
{
    /// <summary>Being prepared by the unit.</summary>
    Draft = 0,

    /// <summary>Sent to the level above, not yet taken in.</summary>
    Submitted = 1,

    /// <summary>Sent back to the unit with a reason, to fix and send again.</summary>
    Returned = 2,

    /// <summary>Taken in by the level that holds it: it may decide, return it, or send it on.</summary>
    Received = 3,

    /// <summary>Commended by an award decision.</summary>
    Awarded = 4,
}

/// <summary>
/// A nomination for commendation (hồ sơ đề nghị khen thưởng): prepared by a unit for a collective or a person, sent up
/// the levels, received, returned with a reason, sent on, and finally decided. Every step is kept.
/// </summary>
public class Nomination : IVersioned, IAudited
{
    private Nomination()
    {
    }

    public int Id { get; private set; }

    /// <summary>The nominating unit.</summary>
    public int UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    public string ScopePath { get; private set; } = string.Empty;

    public RecipientKind RecipientKind { get; private set; }

    public string RecipientName { get; private set; } = string.Empty;

    public int? InitiativeId { get; private set; }

    public Initiative? Initiative { get; private set; }

    /// <summary>The round of nominations it was sent in, when there is one.</summary>
    public int? RoundId { get; private set; }

    public NominationRound? Round { get; private set; }

    /// <summary>The award asked for.</summary>
    public int FormId { get; private set; }

    public AwardForm? Form { get; private set; }

    public string Achievements { get; private set; } = string.Empty;

    public NominationStatus Status { get; private set; }

    /// <summary>The path of the unit that holds it now: the nominating unit while it is a draft or returned.</summary>
    public string HolderPath { get; private set; } = string.Empty;

    /// <summary>The level that holds it when it is up the chain.</summary>
    public RecognitionLevel? HolderLevel { get; private set; }

    /// <summary>Since when it has been where it is.</summary>
    public DateTimeOffset StatusSince { get; private set; }

    public string? ReturnReason { get; private set; }

    public int? AwardDecisionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public int Version { get; set; }

    public List<NominationStep> Steps { get; private set; } = [];

    public List<NominationAttachment> Attachments { get; private set; } = [];

    /// <summary>A new draft held by its own unit (a commune or a province of the 2025 map), of a form that unit may propose.</summary>
    public static Nomination Open(AdminUnit unit, AwardForm form, RecipientKind kind, string recipientName, int? initiativeId, int? roundId, string achievements,
        DateTimeOffset now, string? by)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var n = new Nomination { CreatedAt = now, CreatedBy = by };
        n.Describe(unit, form, kind, recipientName, initiativeId, roundId, achievements);
        n.HolderPath = n.ScopePath;
        n.Status = NominationStatus.Draft;
        n.StatusSince = now;
        n.Step("created", null, n.ScopePath, now, by, null);
        return n;
    }

    /// <summary>What the nomination proposes; changed only while its unit holds it (a draft, or returned to be fixed).</summary>
    public void Describe(AdminUnit unit, AwardForm form, RecipientKind kind, string recipientName, int? initiativeId, int? roundId, string achievements)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(form);
        if (Id != 0 && !IsWithUnit)
        {
            throw new DomainException("Hồ sơ đang ở cấp trên; chỉ sửa được khi đang soạn hoặc bị trả lại.");
        }

        if (string.IsNullOrWhiteSpace(recipientName) || string.IsNullOrWhiteSpace(achievements))
        {
            throw new DomainException("Hồ sơ cần tên tập thể, cá nhân được đề nghị và tóm tắt thành tích.") { Field = "RecipientName" };
        }

        (UnitId, ScopePath, FormId, RecipientKind, RecipientName, InitiativeId, RoundId, Achievements) =
            (unit.Id, unit.Path, form.Id, kind, recipientName.Trim(), initiativeId, roundId, achievements.Trim());
        if (IsWithUnit)
        {
            HolderPath = unit.Path;
        }
    }

    /// <summary>A person's name taken out (a personal-data erasure).</summary>
    public void Redact(string recipientName, string achievements) => (RecipientName, Achievements) = (recipientName, achievements);

    public bool IsWithUnit => Status is NominationStatus.Draft or NominationStatus.Returned;

    /// <summary>Sends it to the level above (a draft, or a returned one fixed).</summary>
    public void Submit(string toPath, RecognitionLevel toLevel, DateTimeOffset now, string? by)
    {
        if (!IsWithUnit)
        {
            throw new DomainException("Hồ sơ đã gửi lên cấp trên; chỉ gửi được hồ sơ đang soạn hoặc bị trả lại.");
        }

        Move(NominationStatus.Submitted, toPath, toLevel, now, by, "submitted", null);
        ReturnReason = null;
    }

    /// <summary>The holding level takes it in.</summary>
    public void Receive(DateTimeOffset now, string? by)
    {
        if (Status != NominationStatus.Submitted)
        {
            throw new DomainException("Chỉ tiếp nhận được hồ sơ vừa được gửi lên.");
        }

        Move(NominationStatus.Received, HolderPath, HolderLevel, now, by, "received", null);
    }

    /// <summary>The holding level sends it back to the unit, saying why.</summary>
    public void Return(string reason, DateTimeOffset now, string? by)
    {
        if (Status is not (NominationStatus.Submitted or NominationStatus.Received))
        {
            throw new DomainException("Chỉ trả lại được hồ sơ đang ở cấp trên, chưa có quyết định.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Cần ghi lý do trả lại để đơn vị hoàn thiện hồ sơ.") { Field = "Reason" };
        }

        if (reason.Trim().Length > 2000)
        {
            throw new DomainException("Lý do trả lại không được dài quá 2000 ký tự.") { Field = "Reason" };
        }

        ReturnReason = reason.Trim();
        Move(NominationStatus.Returned, ScopePath, null, now, by, "returned", ReturnReason);
    }

    /// <summary>The holding level sends it on to the level above it.</summary>
    public void Forward(string toPath, RecognitionLevel toLevel, DateTimeOffset now, string? by)
    {
        if (Status != NominationStatus.Received)
        {
            throw new DomainException("Tiếp nhận hồ sơ trước khi trình lên cấp trên.");
        }

        if (toLevel <= HolderLevel)
        {
            throw new DomainException("Chỉ trình được lên cấp cao hơn.");
        }

        Move(NominationStatus.Submitted, toPath, toLevel, now, by, "forwarded", null);
    }

    /// <summary>Commended by a decision of the level that holds it.</summary>
    public void Award(int decisionId, DateTimeOffset now, string? by)
    {
        if (Status != NominationStatus.Received)
        {
            throw new DomainException($"Hồ sơ \"{RecipientName}\" chưa được tiếp nhận ở cấp ra quyết định.");
        }

        AwardDecisionId = decisionId;
        Move(NominationStatus.Awarded, HolderPath, HolderLevel, now, by, "awarded", null);
    }

    private void Move(NominationStatus status, string toPath, RecognitionLevel? toLevel, DateTimeOffset now, string? by, string action, string? note)
    {
        var from = HolderPath;
        Status = status;
        HolderPath = toPath;
        HolderLevel = toLevel;
        StatusSince = now;
        Step(action, from, toPath, now, by, note);
    }

    private void Step(string action, string? from, string to, DateTimeOffset now, string? by, string? note) =>
        Steps.Add(new NominationStep { Action = action, FromPath = from, ToPath = to, At = now, By = by, Note = note });
}

/// <summary>One dated step of a nomination's way: created, submitted, received, returned, forwarded, awarded.</summary>
public class NominationStep
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? FromPath { get; set; }

    public string ToPath { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string? By { get; set; }

    public string? Note { get; set; }
}

/// <summary>What a nomination's file is, as a nomination file (hồ sơ) lists them.</summary>
public enum AttachmentKind
{
    CoverLetter = 0,
    AchievementReport = 1,
    Minutes = 2,
    Other = 3,
}

/// <summary>A file of a nomination (tờ trình, báo cáo thành tích, biên bản họp), stored like a result's evidence.</summary>
public class NominationAttachment
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public AttachmentKind Kind { get; set; }

    public string FileName { get; set; } = string.Empty;

    public EvidenceKind FileKind { get; set; }

    public long Size { get; set; }

    public string StorageName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}

/// <summary>
/// A round of nominations (đợt xét khen thưởng) a level opens for the units under it: a deadline and how many
/// nominations each unit may send.
/// </summary>
public class NominationRound : IVersioned, IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>Nominations each unit may send in the round.</summary>
    public int QuotaPerUnit { get; set; }

    public int Version { get; set; }

    /// <summary>Whether a unit may still send one on this day, with this many already sent.</summary>
    public void EnsureCanSubmit(DateOnly today, int alreadySent)
    {
        if (today < OpensOn || today > ClosesOn)
        {
            throw new DomainException($"Đợt \"{Name}\" nhận hồ sơ từ {OpensOn:dd/MM/yyyy} đến {ClosesOn:dd/MM/yyyy}.");
        }

        if (alreadySent >= QuotaPerUnit)
        {
            throw new DomainException($"Đơn vị đã gửi đủ {QuotaPerUnit} hồ sơ của đợt \"{Name}\".");
        }
    }
}

/// <summary>What a movement document is: kế hoạch, chỉ thị, hướng dẫn, báo cáo, quyết định, khác.</summary>
public enum DocumentKind
{
    Plan = 0,
    Directive = 1,
    Guidance = 2,
    Report = 3,
    Decision = 4,
    Other = 5,
}

/// <summary>
/// A document that governs the movement (a province's "Chỉ thị 38-CT/TU", a plan, a guidance): number, date, issuer and
/// file, linked to what it governs (rounds, models, nominations); the public ones are listed on the public site.
/// </summary>
public class MovementDocument : IVersioned, IAudited
{
    private MovementDocument()
    {
    }

    public int Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public DateOnly IssuedOn { get; private set; }

    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The abstract (trích yếu).</summary>
    public string Title { get; private set; } = string.Empty;

    public int? UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    public string ScopePath { get; private set; } = "/";

    public bool IsPublic { get; private set; }

    /// <summary>Number, title and issuer without tone marks, for search.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public EvidenceKind FileKind { get; private set; }

    public long Size { get; private set; }

    public string StorageName { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>What it governs: "campaign:12", "round:3", "initiative:451", "nomination:9" (comma-separated).</summary>
    public string? Governs { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public int Version { get; set; }

    /// <summary>
    /// A document kept for an area ("/" for the centre's), with its stored file and the records it governs (already
    /// checked to be the keeper's to name). Its search text is made here, the one place it is.
    /// </summary>
    public static MovementDocument Keep(DocumentKind kind, string number, DateOnly issuedOn, string issuer, string title, AdminUnit? unit, bool isPublic,
        IReadOnlyCollection<string> governs, (string FileName, EvidenceKind Kind, long Size, string StorageName, string Sha256) file, DateTimeOffset at, string? by)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Văn bản cần số, cơ quan ban hành và trích yếu.") { Field = "Number" };
        }

        var d = new MovementDocument
        {
            Kind = kind, Number = number.Trim(), IssuedOn = issuedOn, Issuer = issuer.Trim(), Title = title.Trim(), UnitId = unit?.Id, ScopePath = unit?.Path ?? "/",
            IsPublic = isPublic, Governs = governs.Count == 0 ? null : string.Join(",", governs),
            FileName = file.FileName, FileKind = file.Kind, Size = file.Size, StorageName = file.StorageName, Sha256 = file.Sha256, CreatedAt = at, CreatedBy = by,
        };
        d.SearchText = VietnameseText.Fold($"{d.Number} {d.Title} {d.Issuer}");
        return d;
    }
}

/// <summary>How an inspection judged what it saw.</summary>
public enum InspectionRating
{
    Good = 0,
    Fair = 1,
    Average = 2,
    Weak = 3,
}

/// <summary>
/// An inspection or supervision visit (kiểm tra, giám sát) a committee plans for a unit, and optionally one of its
/// models: when and by whom; then what it found, how it rated it, and the follow-up tasks the unit must do by a date.
/// </summary>
public class Inspection : IVersioned, IAudited
{
    private Inspection()
    {
    }

    public int Id { get; private set; }

    /// <summary>The inspected unit (2025 map).</summary>
    public int UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    public string ScopePath { get; private set; } = string.Empty;

    public int? InitiativeId { get; private set; }

    public Initiative? Initiative { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public string Inspectors { get; private set; } = string.Empty;

    public string? Purpose { get; private set; }

    public DateOnly? VisitedOn { get; private set; }

    public string? Findings { get; private set; }

    public InspectionRating? Rating { get; private set; }

    public string? PlannedBy { get; private set; }

    public int Version { get; set; }

    public List<InspectionTask> Tasks { get; private set; } = [];

    public List<InspectionPhoto> Photos { get; private set; } = [];

    /// <summary>A visit planned to a unit of the 2025 map (and one of its models, which the caller has checked is the unit's).</summary>
    public static Inspection Plan(AdminUnit unit, int? initiativeId, DateOnly plannedOn, string inspectors, string? purpose, string? by)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Map != Maps.Current)
        {
            throw new DomainException("Kiểm tra đơn vị theo bản đồ hành chính hiện hành.") { Field = "UnitCode" };
        }

        if (string.IsNullOrWhiteSpace(inspectors))
        {
            throw new DomainException("Cần ghi đoàn kiểm tra.") { Field = "Inspectors" };
        }

        return new Inspection
        {
            UnitId = unit.Id, ScopePath = unit.Path, InitiativeId = initiativeId, PlannedOn = plannedOn, Inspectors = inspectors.Trim(),
            Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), PlannedBy = by,
        };
    }

    /// <summary>What the visit found, its rating, and the unit's follow-ups (each due on or after the visit).</summary>
    public void RecordVisit(DateOnly on, string findings, InspectionRating rating, DateOnly today, IEnumerable<(string Text, DateOnly? DueOn)>? tasks = null)
    {
        if (on > today)
        {
            throw new DomainException("Ngày kiểm tra không thể sau hôm nay.") { Field = "VisitedOn" };
        }

        if (string.IsNullOrWhiteSpace(findings))
        {
            throw new DomainException("Cần ghi kết quả kiểm tra.") { Field = "Findings" };
        }

        var added = new List<InspectionTask>();
        foreach (var (text, due) in tasks ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (due is not { } d || d < on)
            {
                throw new DomainException($"Việc \"{text.Trim()}\": cần hạn hoàn thành từ ngày kiểm tra trở đi.") { Field = "Tasks" };
            }

            if (text.Trim().Length > 1000)
            {
                throw new DomainException("Mỗi việc không quá 1000 ký tự.") { Field = "Tasks" };
            }

            added.Add(new InspectionTask(text.Trim(), d));
        }

        VisitedOn = on;
        Findings = findings.Trim();
        Rating = rating;
        Tasks.AddRange(added);
    }

    /// <summary>A person's name taken out of the free text (a personal-data erasure).</summary>
    public void Redact(string? inspectors, string? findings, string? purpose) =>
        (Inspectors, Findings, Purpose) = (inspectors ?? string.Empty, findings, purpose);
}

/// <summary>A follow-up the inspected unit must do by a date.</summary>
public class InspectionTask
{
    private InspectionTask()
    {
    }

    public InspectionTask(string text, DateOnly dueOn) => (Text, DueOn) = (text, dueOn);

    public int Id { get; private set; }

    public int InspectionId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateOnly DueOn { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public string? DoneNote { get; private set; }

    /// <summary>The unit says it is done (once).</summary>
    public void Complete(DateOnly today, string? note)
    {
        if (DoneOn is not null)
        {
            throw new DomainException("Việc này đã được báo hoàn thành.");
        }

        DoneOn = today;
        var n = note?.Trim();
        DoneNote = string.IsNullOrEmpty(n) ? null : n[..Math.Min(1000, n.Length)];
    }
}

/// <summary>A photo taken on an inspection visit, stored like a result's evidence (pictures only).</summary>
public class InspectionPhoto
{
    public int Id { get; set; }

    public int InspectionId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public EvidenceKind FileKind { get; set; }

    public long Size { get; set; }

    public string StorageName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}
