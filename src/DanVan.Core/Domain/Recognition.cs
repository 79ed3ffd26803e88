namespace DanVan.Domain;

/// <summary>Recognition levels, in order: a model climbs them over the years.</summary>
public enum RecognitionLevel
{
    Commune = 0,

    /// <summary>Only before 01/07/2025: districts were abolished.</summary>
    District = 1,
    Province = 2,
    National = 3,
}

/// <summary>A decision (quyết định công nhận) of a committee: number, date, level, issuing body.</summary>
public class RecognitionDecision : IAudited
{
    public int Id { get; set; }

    /// <summary>The issuing unit; none for a national decision (the country's path "/").</summary>
    public int? UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Number { get; set; } = string.Empty;

    /// <summary>Issuer's path, number as a reader sees it (<see cref="DocumentNumber.Key"/>) and year: unique.</summary>
    public string? NumberKey { get; set; }

    public static string KeyOf(string path, string number, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}|{DocumentNumber.Key(number)}|{year}");

    public DateOnly Date { get; set; }

    public RecognitionLevel Level { get; set; }

    public string IssuingBody { get; set; } = string.Empty;

    public string? Signer { get; set; }

    public int? AppraisalId { get; set; }

    public List<Recognition> Recognitions { get; set; } = [];
}

/// <summary>One initiative recognised by one decision.</summary>
public class Recognition
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public int DecisionId { get; set; }

    public RecognitionDecision? Decision { get; set; }

    public RecognitionLevel Level { get; set; }

    public DateOnly Date { get; set; }
}

public enum ReviewDecisionKind
{
    Keep = 0,
    Retire = 1,
    Reinstate = 2,
}

/// <summary>The yearly review's (rà soát) decision on one initiative, with its reason.</summary>
public class ReviewDecision
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public ReviewDecisionKind Kind { get; set; }

    public DateOnly On { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? By { get; set; }
}

/// <summary>A conference (hội nghị biểu dương, khen thưởng) at the end of a phase.</summary>
public class Conference : IVersioned, IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public RecognitionLevel Level { get; set; }

    public DateOnly Date { get; set; }

    public string Phase { get; set; } = string.Empty;

    /// <summary>How many collective and individual awards the conference may give.</summary>
    public int CollectiveQuota { get; set; }

    public int IndividualQuota { get; set; }

    public int Version { get; set; }

    public List<Award> Awards { get; set; } = [];
}

/// <summary>An award (bằng khen, giấy khen) to an initiative's collective or person at a conference.</summary>
public class Award
{
    public int Id { get; set; }

    public int ConferenceId { get; set; }

    public Conference? Conference { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public InitiativeKind RecipientKind { get; set; }

    public string Recipient { get; set; } = string.Empty;

    /// <summary>e.g. "Bằng khen của Ban Thường vụ Tỉnh ủy", "Giấy khen".</summary>
    public string Title { get; set; } = string.Empty;
}

/// <summary>An in-app notification for one user.</summary>
public class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

public enum ImportStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>A bulk import, queued in the database and run by a background worker (or at once from the command line).</summary>
public class ImportJob
{
    public int Id { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string FileName { get; set; } = string.Empty;

    /// <summary>What the file holds: "initiatives" (models) or "results" (the movement's figures).</summary>
    public string Kind { get; set; } = ImportJob.Initiatives;

    public const string Initiatives = "initiatives";

    public const string Results = "results";

    public const string Awards = "awards";

    public string StoredFile { get; set; } = string.Empty;

    public bool DryRun { get; set; }

    public ImportStatus Status { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>JSON list of { line, errors[] }.</summary>
    public string? Errors { get; set; }

    /// <summary>JSON of { created, updated, recognitions, retired }.</summary>
    public string? Result { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The node running the job (its name and process), while it runs.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Written by the running node every few seconds: a job whose node stopped writing it is taken over.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>How many times a node started the job (a job that kills its nodes is not tried forever).</summary>
    public int Attempts { get; set; }
}
