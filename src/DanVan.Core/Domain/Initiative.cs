namespace DanVan.Domain;

public enum Field
{
    Economy = 0,
    CultureSociety = 1,
    DefenseSecurity = 2,
    PoliticalSystem = 3,
}

public enum InitiativeKind
{
    Collective = 0,
    Individual = 1,
}

public enum Origin
{
    New = 0,
    Replicated = 1,
}

public enum InitiativeStatus
{
    /// <summary>Declared in a registration round, not yet running.</summary>
    Registered = 0,

    /// <summary>Running and reporting results (duy trì thực hiện).</summary>
    Active = 1,

    /// <summary>Removed after review (loại bỏ).</summary>
    Retired = 2,
}

/// <summary>A model or exemplar (mô hình / điển hình): the core record of the movement.</summary>
public class Initiative : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>Optional code, unique within the unit; imports use it to update.</summary>
    public string? Code { get; set; }

    public string Name { get; set; } = string.Empty;

    public Field Field { get; set; }

    public InitiativeKind Kind { get; set; }

    // Lifecycle: the properties below with private setters change only through the methods of this class.
    public Origin Origin { get; private set; }

    public int? ReplicatedFromId { get; private set; }

    public Initiative? ReplicatedFrom { get; private set; }

    /// <summary>Where a replicated model came from when the source is not in DanVan.</summary>
    public string? OriginNote { get; private set; }

    public int? OwnerOrganizationId { get; set; }

    public Organization? OwnerOrganization { get; set; }

    /// <summary>The person who owns an individual model, or a free-text owner.</summary>
    public string? OwnerName { get; set; }

    /// <summary>Which block or sector builds it (Mặt trận, Phụ nữ, …, cá nhân), as review reports count them.</summary>
    public OwnerType OwnerType { get; private set; }

    /// <summary>Whom it serves or mobilises (ethnic minorities, religious followers, poor households, …).</summary>
    public TargetGroups TargetGroups { get; set; }

    /// <summary>
    /// Says which block builds the model: an individual's model is "cá nhân"; otherwise what was chosen, or when nothing
    /// was, what the owner's name, or the owning organisation's name and kind, says ("Hội Liên hiệp Phụ nữ xã …" is Phụ nữ).
    /// </summary>
    public void Classify(OwnerType? chosen, string? organizationName, OrganizationKind? organization)
    {
        OwnerType = Kind == InitiativeKind.Individual
            ? OwnerType.Individual
            : chosen is { } c && c != OwnerType.Individual ? c
            : OwnerTypes.Guess(Kind, string.IsNullOrWhiteSpace(OwnerName) ? organizationName : OwnerName, organization);
    }

    /// <summary>The unit as recorded, in its own map (2024 records keep their old unit).</summary>
    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    /// <summary>Path of <see cref="UnitId"/> in its own map, for reports under that map.</summary>
    public string UnitPath { get; set; } = string.Empty;

    /// <summary>Where the record counts on the 2024 map: its own unit's path, or the legacy path of a 2025 unit.</summary>
    public string LegacyPath { get; set; } = string.Empty;

    /// <summary>The 2025 unit this record counts under (the successor of an old unit, reassignable).</summary>
    public int CurrentUnitId { get; set; }

    public AdminUnit? CurrentUnit { get; set; }

    /// <summary>Path of <see cref="CurrentUnitId"/>: the key of every scope filter.</summary>
    public string ScopePath { get; set; } = string.Empty;

    public DateOnly RegisteredOn { get; set; }

    /// <summary>
    /// The last day (Vietnam time) the record was saved with a change: what a system syncing models asks for with
    /// updatedSince. Set by every save (<see cref="Data.AppDbContext"/>), not by callers.
    /// </summary>
    public DateOnly ChangedOn { get; private set; }

    internal void MarkChanged(DateOnly day) => ChangedOn = day;

    public string? Summary { get; set; }

    public string? Goals { get; set; }

    public string? Method { get; set; }

    public InitiativeStatus Status { get; private set; }

    public DateOnly? RetiredOn { get; private set; }

    public string? RetiredReason { get; private set; }

    public string SortKey { get; set; } = string.Empty;

    public string SearchText { get; set; } = string.Empty;

    /// <summary>The registration round it was registered into, if any.</summary>
    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>Highest level recognised so far (kept with the recognitions, for lists and reports).</summary>
    public RecognitionLevel? HighestLevel { get; private set; }

    public DateOnly? FirstRecognizedOn { get; private set; }

    // The date of the recognition at each level, kept with the recognitions so that "the highest level reached by a
    // date" is a comparison within the row: reports count a million records without touching the recognitions.
    public DateOnly? CommuneRecognizedOn { get; private set; }

    public DateOnly? DistrictRecognizedOn { get; private set; }

    public DateOnly? ProvinceRecognizedOn { get; private set; }

    public DateOnly? NationalRecognizedOn { get; private set; }

    public List<Recognition> Recognitions { get; private set; } = [];

    /// <summary>Officers may keep a recognised model off the public site.</summary>
    public bool HiddenFromPublic { get; set; }

    /// <summary>The day the person behind an individual model agreed to have their name shown publicly (Decree 13/2023, PDP Law 2025).</summary>
    public DateOnly? OwnerConsentOn { get; set; }

    /// <summary>
    /// Shown on the public site: recognised, not retired, not hidden. The one statement of the rule, for queries
    /// (<c>Where(Initiative.PublicRule)</c>) and, compiled, for a loaded model (<see cref="IsPublic"/>).
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Initiative, bool>> PublicRule =
        i => i.HighestLevel != null && i.Status != InitiativeStatus.Retired && !i.HiddenFromPublic;

    private static readonly Func<Initiative, bool> IsPublicNow = PublicRule.Compile();

    public bool IsPublic => IsPublicNow(this);

    /// <summary>The owner as the public may see it: a person's name only with recorded consent.</summary>
    public string? PublicOwner => PublicOwnerOf(Kind, OwnerName, OwnerConsentOn);

    /// <summary>
    /// The free text of an individual's model tells about that person: like the name, it is public only with consent.
    /// </summary>
    public static string? PublicTextOf(InitiativeKind kind, DateOnly? consentOn, string? text) =>
        kind == InitiativeKind.Individual && consentOn is null ? null : text;

    /// <summary>Personal-data erasure rewrites a name inside the origin note; nothing else changes.</summary>
    public void RedactOriginNote(string? text) => OriginNote = Origin == Origin.Replicated ? text : OriginNote;

    /// <summary>Personal-data erasure rewrites a name inside the retirement reason; nothing else changes.</summary>
    public void RedactRetiredReason(string? text) => RetiredReason = Status == InitiativeStatus.Retired ? text : RetiredReason;

    /// <summary>The consent rule, for lists that read the three columns instead of whole records.</summary>
    public static string? PublicOwnerOf(InitiativeKind kind, string? ownerName, DateOnly? consentOn) =>
        kind == InitiativeKind.Individual && consentOn is null ? null : ownerName;

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public int Version { get; set; }

    /// <summary>Places the record on a unit; the 2025 unit it counts under follows from the unit.</summary>
    public void PlaceIn(AdminUnit unit, AdminUnit currentUnit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(currentUnit);
        if (currentUnit.Map != Maps.Current)
        {
            throw new DomainException("Đơn vị hiện hành phải thuộc bản đồ hành chính 2025.");
        }

        UnitId = unit.Id;
        Unit = unit;
        UnitPath = unit.Path;
        LegacyPath = unit.Map == Maps.Map2024 ? unit.Path : unit.LegacyPath;
        CurrentUnitId = currentUnit.Id;
        CurrentUnit = currentUnit;
        ScopePath = currentUnit.Path;
    }

    /// <summary>
    /// Declares where the model comes from: new, or replicated from a model in DanVan (the caller has checked that the
    /// source may be seen) or from elsewhere (a note). Validate checks the combination.
    /// </summary>
    public void DeclareOrigin(Origin origin, Initiative? source, string? note, int? sourceId = null)
    {
        if ((source is { Id: not 0 } ? source.Id : sourceId) is { } id && id == Id && Id != 0)
        {
            throw DomainException.For(nameof(ReplicatedFromId), "Mô hình không thể nhân rộng từ chính nó.");
        }

        Origin = origin;
        ReplicatedFrom = origin == Origin.Replicated ? source : null;
        ReplicatedFromId = origin == Origin.Replicated ? (source is { Id: not 0 } ? source.Id : sourceId) : null;
        OriginNote = origin == Origin.Replicated && !string.IsNullOrWhiteSpace(note) ? note.Trim() : null;
    }

    /// <summary>Once a source written in bulk has its id, the link is kept by id alone.</summary>
    public void SettleSource()
    {
        if (ReplicatedFrom is { Id: not 0 } source)
        {
            ReplicatedFromId = source.Id;
            ReplicatedFrom = null;
        }
    }

    /// <summary>Recognises the initiative by a decision; a later recognition must be at a higher level.</summary>
    public Recognition Recognize(RecognitionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (Status == InitiativeStatus.Retired)
        {
            throw new DomainException($"Mô hình \"{Name}\" đã bị loại bỏ nên không công nhận được.");
        }

        if (decision.Date < RegisteredOn)
        {
            throw new DomainException($"Quyết định công nhận không thể trước ngày đăng ký mô hình \"{Name}\".");
        }

        if (decision.Level == RecognitionLevel.District && decision.Date >= new DateOnly(2025, 7, 1))
        {
            throw new DomainException("Từ ngày 01/07/2025 không còn cấp huyện; hãy chọn cấp xã, tỉnh hoặc toàn quốc.");
        }

        if (HighestLevel is { } highest && decision.Level <= highest)
        {
            throw new DomainException($"Mô hình \"{Name}\" đã được công nhận ở cấp {LevelName(highest)}; chỉ công nhận lại ở cấp cao hơn.");
        }

        var recognition = new Recognition { Initiative = this, InitiativeId = Id, Decision = decision, Level = decision.Level, Date = decision.Date };
        Recognitions.Add(recognition);
        HighestLevel = decision.Level;
        FirstRecognizedOn = FirstRecognizedOn is { } first && first <= decision.Date ? first : decision.Date;
        _ = decision.Level switch
        {
            RecognitionLevel.Commune => CommuneRecognizedOn = decision.Date,
            RecognitionLevel.District => DistrictRecognizedOn = decision.Date,
            RecognitionLevel.Province => ProvinceRecognizedOn = decision.Date,
            RecognitionLevel.National => NationalRecognizedOn = decision.Date,
        };
        if (Status == InitiativeStatus.Registered)
        {
            Status = InitiativeStatus.Active;
        }

        return recognition;
    }

    /// <summary>Removes the initiative after review (loại bỏ); a reason is required.</summary>
    public void Retire(DateOnly on, string? reason)
    {
        if (Status == InitiativeStatus.Retired)
        {
            throw new DomainException($"Mô hình \"{Name}\" đã bị loại bỏ từ trước.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Cần ghi lý do loại bỏ.") { Field = "Reason" };
        }

        if (on < RegisteredOn)
        {
            throw new DomainException("Ngày loại bỏ không thể trước ngày đăng ký.") { Field = "On" };
        }

        Status = InitiativeStatus.Retired;
        RetiredOn = on;
        RetiredReason = reason.Trim();
    }

    /// <summary>Undoes a retirement; a reason is required.</summary>
    public void Reinstate(string? reason)
    {
        if (Status != InitiativeStatus.Retired)
        {
            throw new DomainException($"Mô hình \"{Name}\" không ở trạng thái đã loại bỏ.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Cần ghi lý do khôi phục.") { Field = "Reason" };
        }

        Status = InitiativeStatus.Active;
        RetiredOn = null;
        RetiredReason = null;
    }

    /// <summary>A result report makes a registered model a maintained one.</summary>
    public void MarkReporting()
    {
        if (Status == InitiativeStatus.Registered)
        {
            Status = InitiativeStatus.Active;
        }
    }

    /// <summary>Starts a replication: another unit or organisation adopts this recognised initiative.</summary>
    public Initiative Replicate(string name, AdminUnit unit, AdminUnit currentUnit, int? ownerOrganizationId, string? ownerName,
        InitiativeKind kind, DateOnly registeredOn, DateTimeOffset now, string? by)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (HighestLevel is null)
        {
            throw new DomainException($"Chỉ nhân rộng được mô hình đã được công nhận; \"{Name}\" chưa được công nhận.");
        }

        if (Status == InitiativeStatus.Retired)
        {
            throw new DomainException($"Mô hình \"{Name}\" đã bị loại bỏ nên không nhân rộng được.");
        }

        if (currentUnit.Id == CurrentUnitId && (ownerOrganizationId is null || ownerOrganizationId == OwnerOrganizationId))
        {
            throw new DomainException("Nhân rộng là do đơn vị hoặc tổ chức khác áp dụng; hãy chọn đơn vị hoặc tổ chức khác.") { Field = "UnitCode" };
        }

        if (registeredOn < RegisteredOn)
        {
            throw new DomainException("Ngày nhân rộng không thể trước ngày đăng ký mô hình nguồn.") { Field = "RegisteredOn" };
        }

        var copy = new Initiative
        {
            Name = string.IsNullOrWhiteSpace(name) ? Name : name,
            Field = Field,
            Kind = kind,
            Origin = Origin.Replicated,
            ReplicatedFromId = Id,
            OwnerOrganizationId = ownerOrganizationId,
            OwnerName = ownerName,
            RegisteredOn = registeredOn,
            Summary = Summary,
            Goals = Goals,
            Method = Method,
            TargetGroups = TargetGroups,
            Status = InitiativeStatus.Registered,
            CreatedAt = now,
            CreatedBy = by,
        };
        copy.Classify(null, null, null);
        copy.PlaceIn(unit, currentUnit);
        copy.Validate();
        return copy;
    }

    /// <summary>The highest level at which the initiative had been recognised on a date.</summary>
    public RecognitionLevel? LevelOn(DateOnly date) =>
        NationalRecognizedOn <= date ? RecognitionLevel.National
        : ProvinceRecognizedOn <= date ? RecognitionLevel.Province
        : DistrictRecognizedOn <= date ? RecognitionLevel.District
        : CommuneRecognizedOn <= date ? RecognitionLevel.Commune
        : null;

    public static string LevelName(RecognitionLevel level) => level switch
    {
        RecognitionLevel.Commune => "xã",
        RecognitionLevel.District => "huyện",
        RecognitionLevel.Province => "tỉnh",
        RecognitionLevel.National => "toàn quốc",
    };

    /// <summary>Checks the record's own rules before it is saved, and refreshes derived keys.</summary>
    public void Validate()
    {
        Name = Name.Trim();
        if (Name.Length == 0)
        {
            throw new DomainException("Tên mô hình không được để trống.") { Field = nameof(Name) };
        }

        if (Name.Length > 300)
        {
            throw new DomainException("Tên mô hình không được dài quá 300 ký tự.") { Field = nameof(Name) };
        }

        var hasSource = ReplicatedFromId is not null || ReplicatedFrom is not null;
        if (Origin == Origin.New && (hasSource || !string.IsNullOrWhiteSpace(OriginNote)))
        {
            throw new DomainException("Mô hình mới không có nguồn nhân rộng.") { Field = nameof(ReplicatedFromId) };
        }

        if (Origin == Origin.Replicated && !hasSource && string.IsNullOrWhiteSpace(OriginNote))
        {
            throw new DomainException("Mô hình nhân rộng cần ghi rõ nhân rộng từ mô hình nào.") { Field = nameof(ReplicatedFromId) };
        }

        if (ReplicatedFromId is not null && ReplicatedFromId == Id && Id != 0)
        {
            throw new DomainException("Mô hình không thể nhân rộng từ chính nó.") { Field = nameof(ReplicatedFromId) };
        }

        if (OwnerOrganizationId is null && string.IsNullOrWhiteSpace(OwnerName))
        {
            throw new DomainException("Cần ghi chủ thể xây dựng mô hình (tổ chức hoặc cá nhân).") { Field = nameof(OwnerName) };
        }

        if (RegisteredOn.Year < 2009)
        {
            throw new DomainException("Ngày đăng ký phải từ năm 2009 (năm phát động phong trào) trở đi.") { Field = nameof(RegisteredOn) };
        }

        if (Status == InitiativeStatus.Retired && RetiredOn is null)
        {
            throw new DomainException("Mô hình đã loại bỏ phải có ngày loại bỏ.") { Field = nameof(RetiredOn) };
        }

        if (RetiredOn is { } retired && retired < RegisteredOn)
        {
            throw new DomainException("Ngày loại bỏ không thể trước ngày đăng ký.") { Field = nameof(RetiredOn) };
        }

        SortKey = VietnameseText.SortKey(Name);
        // A person's name and story are searchable only once they agreed to be shown; the summary's opening words help find a model.
        var summary = PublicTextOf(Kind, OwnerConsentOn, Summary is { Length: > 300 } ? Summary[..300] : Summary);
        var text = VietnameseText.Fold(string.Join(' ', Name, Code, PublicOwner, summary));
        SearchText = text.Length > 800 ? text[..800] : text;
    }
}
