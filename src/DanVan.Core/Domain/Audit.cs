namespace DanVan.Domain;

/// <summary>Entities whose changes are written to the audit trail automatically on save.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>Entities edited under optimistic concurrency: <see cref="Version"/> grows on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Who did what to which record, when, from where; before and after as JSON.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>created, updated, deleted, or a domain action such as signed-in, grant-added.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>JSON object: property → [before, after].</summary>
    public string? Changes { get; set; }
}
